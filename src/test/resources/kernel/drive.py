# Drives sendscope's kernel through jupyter_client, as Jupyter itself does, and prints what
# arrived and when as JSON.
#   drive.py STEPS.json   each step {"code": ..., "interrupt_after": seconds (optional)}
#   drive.py --hold CODE  runs CODE, prints {"kernel_pid": ...}, then waits to be killed
import json
import sys
import time

from jupyter_client.manager import start_new_kernel


def kernel_pid(km):
    p = getattr(km, "provisioner", None)
    if p is not None and getattr(p, "process", None) is not None:
        return p.process.pid
    return km.kernel.pid


def run(km, kc, step):
    t0 = time.monotonic()
    msg_id = kc.execute(step["code"])
    interrupt_at = step.get("interrupt_after")
    interrupted = None
    out = []
    while True:
        if interrupt_at is not None and interrupted is None and time.monotonic() - t0 >= interrupt_at:
            interrupted = time.monotonic() - t0
            km.interrupt_kernel()
        try:
            m = kc.get_iopub_msg(timeout=0.05)
        except Exception:
            if time.monotonic() - t0 > step.get("timeout", 120):
                return {"status": "timeout", "time": time.monotonic() - t0, "out": out, "interrupted": interrupted}
            continue
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        t = time.monotonic() - t0
        kind, c = m["msg_type"], m["content"]
        if kind == "stream":
            out.append({"t": t, "type": kind, "text": c["text"]})
        elif kind in ("execute_result", "display_data"):
            out.append({"t": t, "type": kind, "text": c["data"].get("text/plain", ""),
                        "html": c["data"].get("text/html", ""), "mime": sorted(c["data"].keys()),
                        "metadata": c.get("metadata", {})})
        elif kind == "error":
            out.append({"t": t, "type": kind, "ename": c["ename"], "evalue": c["evalue"]})
        elif kind == "status" and c["execution_state"] == "idle":
            break
    while True:
        reply = kc.get_shell_msg(timeout=30)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    return {"status": reply["content"]["status"], "time": time.monotonic() - t0, "out": out,
            "interrupted": interrupted}


def main():
    if sys.argv[1] == "--hold":
        km, kc = start_new_kernel(kernel_name="sendscope", startup_timeout=120)
        r = run(km, kc, {"code": sys.argv[2]})
        print(json.dumps({"kernel_pid": kernel_pid(km), "status": r["status"]}), flush=True)
        time.sleep(600)
        return
    with open(sys.argv[1], encoding="utf-8") as f:
        steps = json.load(f)
    t0 = time.monotonic()
    km, kc = start_new_kernel(kernel_name="sendscope", startup_timeout=120)
    ready = time.monotonic() - t0
    results = []
    try:
        for step in steps:
            results.append(run(km, kc, step))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print(json.dumps({"ready": ready, "steps": results}))


main()

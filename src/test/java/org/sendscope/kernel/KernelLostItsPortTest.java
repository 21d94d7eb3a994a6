package org.sendscope.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The words nbconvert 6.5 logs when a kernel dies at start because another process took its port
 * (seen in a suite run: two notebooks starting together), after which nbconvert never exits; the
 * runner then starts the notebook again. A kernel that dies for any other reason is not retried.
 */
class KernelLostItsPortTest {

    @Test
    void aPortTakenAtStartIsRecognisedAndNothingElse(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("my-area.log");
        assertFalse(NotebookRunner.kernelLostItsPort(log), "no log yet");
        Files.writeString(log, """
                [NbConvertApp] Converting notebook notebooks/my-area.ipynb to notebook
                Exception in thread "main" org.zeromq.ZMQException: Errno 48 : Address already in use
                \tat org.dflib.jjava.jupyter.channels.HeartbeatChannel.bind(HeartbeatChannel.java:42)
                [NbConvertApp] ERROR | Error occurred while starting new kernel client for kernel 83a9: Kernel died before replying to kernel_info
                """);
        assertTrue(NotebookRunner.kernelLostItsPort(log));
        Files.writeString(log, """
                Exception in thread "main" java.lang.OutOfMemoryError: Java heap space
                [NbConvertApp] ERROR | Error occurred while starting new kernel client for kernel 83a9: Kernel died before replying to kernel_info
                """);
        assertFalse(NotebookRunner.kernelLostItsPort(log), "a kernel dead for another reason is an error to report, not retry");
    }
}

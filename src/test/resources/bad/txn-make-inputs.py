#!/usr/bin/env python3
"""Writes the hand-made inputs of the txn-* bad-input cases (run from this folder; outputs committed).

Small SEN2 releases in the current layout (caseload.csv, requests.csv and a data guidance naming the
reporting year), with made-up counts for England and three real local authority codes, and two
improvement-plan trackers. Column names follow the project's own sen2_columns.tsv; no row of a
published file is used.
"""
import csv, io, zipfile, os

VOCAB = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'main', 'resources', 'org', 'sendscope', 'ingest',
                     'dfe', 'sen2_columns.tsv')
GEOGRAPHY = ['time_period', 'time_identifier', 'geographic_level', 'country_code', 'country_name', 'region_code',
             'region_name', 'new_la_code', 'old_la_code', 'la_name', 'breakdown_topic', 'breakdown']
# code, LA number, name, region code, region name, base count (made up)
AREAS = [('E92000001', '', 'England', '', '', 9000),
         ('E06000058', '839', 'Bournemouth, Christchurch and Poole', 'E12000009', 'South West', 300),
         ('E06000010', '810', 'Kingston upon Hull, City of', 'E12000003', 'Yorkshire and The Humber', 200),
         ('E06000055', '822', 'Bedford', 'E12000006', 'East of England', 100)]


def columns(file):
    with open(VOCAB, encoding='utf-8') as f:
        rows = [l.rstrip('\n').split('\t') for l in f if l.strip() and not l.startswith('#')]
    return [r[1] for r in rows[1:] if r[0] == file]


def table(file, periods, areas, topic, first_value):
    cols = columns(file)
    out = io.StringIO()
    w = csv.writer(out, lineterminator='\n')
    w.writerow(GEOGRAPHY + cols)
    for i, period in enumerate(periods):
        for code, number, name, region, region_name, base in areas:
            level = 'National' if code.startswith('E92') else 'Local authority'
            geo = [period, 'Academic year' if len(period) == 6 else 'Calendar year', level, 'E92000001', 'England',
                   region, region_name, '' if level == 'National' else code, number,
                   '' if level == 'National' else name, topic, topic]
            w.writerow(geo + first_value(cols, base + 10 * i))
    return out.getvalue()


def caseload_values(cols, n):
    return [str(n) if c == 'ehcplans' else 'z' for c in cols]


def request_values(cols, n):
    made = {'requests_received_in_year': n // 3, 'requests_decided_to_assess': n // 4,
            'requests_decided_not_to_assess': n // 3 - n // 4, 'request_outcome_six_weeks_pc': '80.0'}
    return [str(made.get(c, 'z')) for c in cols]


def release(name, year, caseload_periods, request_periods, areas=AREAS, with_requests=True, caseload_rows=True,
            bump=0):
    files = {'data-guidance/data-guidance.txt':
                 'Education, health and care plans (hand-made test release)\nReporting year %d\n' % year}
    files['data/caseload.csv'] = table('caseload', caseload_periods if caseload_rows else [], areas, 'All EHC plans',
                                       lambda c, n: caseload_values(c, n + bump))
    if with_requests:
        files['data/requests.csv'] = table('requests', request_periods, areas,
                                           'All requests for EHC needs assessments', request_values)
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        for entry, text in files.items():
            info = zipfile.ZipInfo(entry, date_time=(2024, 1, 1, 0, 0, 0))
            z.writestr(info, text)


def tracker(name, n):
    actions = ['Agree the local area SEND strategy', 'Publish the annual review timetable',
               'Recruit two educational psychologists', 'Open a second resourced base', 'Refresh the Local Offer',
               'Audit plans issued late']
    with open(name, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['Ref', 'Action', 'Owner', 'Due date', 'RAG rating'])
        for i in range(n):
            w.writerow(['A%d' % (i + 1), actions[i], 'Head of SEND', '31/03/25', 'Amber'])


YEARS = ['201718', '201819'], ['2017', '2018']
release('txn-mini-2019.zip', 2019, *YEARS)
release('txn-mini-2019-no-requests.zip', 2019, *YEARS, with_requests=False, bump=1)
release('txn-mini-2019-no-hull.zip', 2019, *YEARS, areas=[a for a in AREAS if a[0] != 'E06000010'])
release('txn-mini-2019-one-year.zip', 2019, ['201819'], ['2018'])
release('txn-mini-2019-caseload-header-only.zip', 2019, *YEARS, caseload_rows=False)
release('txn-caseload-header-only-2025.zip', 2025, ['202223'], ['2022'], caseload_rows=False)
release('txn-mini-2025.zip', 2025, ['202122', '202223'], ['2021', '2022'])
tracker('txn-tracker-six.csv', 6)
tracker('txn-tracker-three.csv', 3)


def scorecard(name, rows):
    """A wide KPI scorecard as analysts keep it, with made-up figures."""
    kpis = [('% of new EHCPs issued within 20 weeks (including exceptions)', '▲', ['41%', '44%', '47%'], '60%'),
            ('No. of EHCPs', '', ['2100', '2130', '2160'], 'n/a'),
            ('% of Annual Reviews completed within timeframe', '▲', ['50%', '52%', '55%'], '90%')]
    with open(name, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['KPI', 'Required direction of travel', 'Jan-24', 'Feb-24', 'Mar-24', 'Target'])
        for k in kpis[:rows]:
            w.writerow([k[0], k[1]] + k[2] + [k[3]])


scorecard('txn-scorecard-three.csv', 3)
# the same file name re-saved with a KPI row deleted (same scope: loader, area and file name)
os.makedirs('txn-resaved', exist_ok=True)
scorecard(os.path.join('txn-resaved', 'txn-scorecard-three.csv'), 2)

#!/usr/bin/env python3
"""Writes the bounds-* inputs of the bad-input corpus (every row is made up here).

Run from this folder: python3 bounds-make.py. The outputs are committed; the script says how.
"""
import io
import zipfile

SEN2_HEADER = ("time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,"
               "new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans,mainstream_la_maintained,"
               "mainstream_la_maintained_resourced_provision,mainstream_la_maintained_senunit,mainstream_academy,"
               "mainstream_academy_resourced_provision,mainstream_academy_senunit,mainstream_free_school,"
               "mainstream_free_school_resourced_provision,mainstream_free_school_senunit,mainstream_independent,"
               "mainstream_total,mainstream_total_pc,special_la_maintained,special_academy_free,special_independent,"
               "special_non_maintained,special_total,special_total_pc,ap_pru_academy,ap_pru_free_school,"
               "ap_pru_la_maintained,ap_pru_total,AP_PRU_total_pc,general_fe_tertiary_colleges,"
               "specialist_post_16_institutions,ukrlp_provider,fe_total,fe_total_pc,elective_home_education,"
               "other_arrangements_la,other_arrangements_parents,online_provider,w_settings,other_schools,"
               "other_placement_settings,neet,neet_ntci,neet_other,neet_other_csa,ed_elsewhere,ed_elsewhere_pc,"
               "nm_early_years,nm_early_years_pc,placement_unknown,placement_unknown_pc,await_prov_2022,perm_ex_2022")
VALUES = len(SEN2_HEADER.split(",")) - 12


def sen2_row(year, la_code, la_number, name, value=7, la_name_quoted=None):
    la = la_name_quoted if la_name_quoted is not None else name
    return (f"{year},Academic year,Local authority,E92000001,England,E12000009,South West,{la_code},{la_number},{la},"
            f"All EHC plans,All EHC plans," + ",".join([str(value)] * VALUES))


def sen2_zip(path, caseload_bytes, compress=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compress) as z:
        z.writestr(zipfile.ZipInfo("data/caseload.csv", (2024, 1, 1, 0, 0, 0)), caseload_bytes, compress)


def lines(*rows):
    return ("\n".join(rows) + "\n").encode("utf-8")


# A zip bomb: 8 MB of the same row packs to about 30 KB, far past the 100:1 ratio.
row = sen2_row("202223", "E06000058", "839", "Bournemouth, Christchurch and Poole")
sen2_zip("bounds-sen2-zip-bomb.zip", lines(SEN2_HEADER) + (row + "\n").encode() * (8_000_000 // len(row)))

# One line of 3 MB (a file without line breaks), small enough to pack under the ratio check.
sen2_zip("bounds-sen2-long-line.zip", lines(SEN2_HEADER, sen2_row("202223", "E06000058", "839", "x" * 3_000_000)))

# caseload.csv saved as UTF-16 with a byte-order mark, as Excel's 'Unicode Text' does.
sen2_zip("bounds-sen2-utf16.zip", b"\xff\xfe" + (SEN2_HEADER + "\n" + sen2_row("202223", "E06000058", "839", "BCP") + "\n").encode("utf-16-le"))

# The same row twice (lines 3 and 4).
sen2_zip("bounds-sen2-duplicate-row.zip", lines(SEN2_HEADER,
         sen2_row("202223", "E06000058", "839", "BCP"),
         sen2_row("202223", "E06000059", "838", "Dorset"),
         sen2_row("202223", "E06000059", "838", "Dorset")))

# A quoted line break in line 2's LA name; the bad value is on line 5 (DuckDB's record 3).
sen2_zip("bounds-sen2-quoted-newline.zip", lines(SEN2_HEADER,
         sen2_row("202223", "E06000058", "839", None, la_name_quoted='"Bournemouth,\nChristchurch and Poole"'),
         sen2_row("202223", "E06000059", "838", "Dorset"),
         sen2_row("202223", "E06000052", "908", "Cornwall", value="7q")))

# A Windows-1252 byte (0x92, a curly apostrophe) in an LA name on line 3.
sen2_zip("bounds-sen2-cp1252.zip", lines(SEN2_HEADER, sen2_row("202223", "E06000058", "839", "BCP"))
         + sen2_row("202223", "E06000059", "838", "Dorset").replace("Dorset", "Dorset Council's").encode("utf-8")
         .replace(b"'", b"\x92") + b"\n")


def xlsx(path, sheet_xml, shared_xml=None, compress=zipfile.ZIP_DEFLATED):
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          + ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' if shared_xml else '')
          + '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
              + ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' if shared_xml else '')
              + '</Relationships>')
    with zipfile.ZipFile(path, "w", compress) as z:
        def put(name, data):
            z.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data, compress)
        put("[Content_Types].xml", ct)
        put("_rels/.rels", rels)
        put("xl/workbook.xml", wb)
        put("xl/_rels/workbook.xml.rels", wbrels)
        put("xl/worksheets/sheet1.xml", sheet_xml)
        if shared_xml:
            put("xl/sharedStrings.xml", shared_xml)


NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
SHEET = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ' + NS + '><sheetData>'
         '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
         '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>5</v></c></row>'
         '</sheetData></worksheet>')
XXE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<!DOCTYPE sst [<!ENTITY secret SYSTEM "file:///etc/hostname">]>'
       '<sst ' + NS + ' count="3" uniqueCount="3"><si><t>KPI</t></si><si><t>Dec-23</t></si><si><t>&secret;</t></si></sst>')
LAUGHS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE sst [<!ENTITY a "ha">'
          + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
          + ']><sst ' + NS + ' count="3" uniqueCount="3"><si><t>KPI</t></si><si><t>Dec-23</t></si><si><t>&j;</t></si></sst>')
PLAIN = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ' + NS + ' count="3" uniqueCount="3">'
         '<si><t>KPI</t></si><si><t>Dec-23</t></si><si><t>No. of EHCPs</t></si></sst>')

xlsx("bounds-xlsx-xxe.xlsx", SHEET, XXE)
xlsx("bounds-xlsx-entity-expansion.xlsx", SHEET, LAUGHS)
xlsx("bounds-kpis-xxe.xlsx", SHEET, XXE)
# A sheet of 9 MB of empty rows packs to about 14 KB: a zip bomb in an .xlsx.
xlsx("bounds-xlsx-zip-bomb.xlsx", SHEET.replace("</sheetData>", '<row/>' * 1_500_000 + "</sheetData>"), PLAIN)
xlsx("bounds-kpis-zip-bomb.xlsx", SHEET.replace("</sheetData>", '<row/>' * 1_500_000 + "</sheetData>"), PLAIN)
# Not well-formed: a cell closed by the wrong tag.
xlsx("bounds-xlsx-broken-xml.xlsx", SHEET.replace("<v>5</v></c>", "<v>5</v></row>"), PLAIN)

WIDE = "KPI,Dec-23,Jan-24\nNo. of EHCPs,3736,3791\n% of new EHCPs issued within 20 weeks (including exceptions),12.2%,27.9%\n"
with open("bounds-kpis-utf16.csv", "wb") as f:  # UTF-16 without a byte-order mark
    f.write(WIDE.encode("utf-16-le"))
with open("bounds-kpis-utf16-bom.tsv", "wb") as f:
    f.write(b"\xfe\xff" + WIDE.replace(",", "\t").encode("utf-16-be"))
with open("bounds-kpis-cp1252.csv", "wb") as f:  # a pound sign saved as Windows-1252 on line 3
    f.write(("KPI,Dec-23,Jan-24\nNo. of EHCPs,3736,3791\nHigh needs spend (\u00a3m),41,42\n").encode("cp1252"))
with open("bounds-kpis-duplicate.csv", "wb") as f:  # No. of EHCPs on lines 2 and 4
    f.write(b"KPI,Dec-23,Jan-24\nNo. of EHCPs,3736,3791\nNo. of complaints,5,5\nNo. of EHCPs,3736,3791\n")
with open("bounds-kpis-duplicate-after-newline.csv", "wb") as f:  # the repeat is on line 5, record 4
    f.write(b'KPI,Dec-23,Jan-24\n"No. of\nEHCPs",3736,3791\nNo. of complaints,5,5\nNo. of EHCPs,3736,3791\n')
with open("bounds-kpis-nul.csv", "wb") as f:
    f.write(b"KPI,Dec-23,Jan-24\nNo. of EHCPs,3736,37\x0091\n")

PAPER = ("Children's Services Overview and Scrutiny Committee\n\nKPI\tDec-23\tJan-24\n"
         "No. of EHCPs\t3736\t3791\nNo. of complaints\t5\t5\n")
with open("bounds-paper-utf16.txt", "wb") as f:
    f.write(b"\xff\xfe" + PAPER.encode("utf-16-le"))
with open("bounds-paper-cp1252.txt", "wb") as f:  # an en dash saved as Windows-1252 on line 4
    f.write(PAPER.replace("No. of EHCPs", "No. of EHCPs \u2013 all ages").encode("cp1252"))

TRACKER = "Ref,Action,Due date,RAG rating\nT1,Agree the SEND strategy,31/03/24,Completed\nT2,Publish the self-evaluation,30/04/24,Amber\n"
with open("bounds-tracker-utf16.csv", "wb") as f:
    f.write(b"\xff\xfe" + TRACKER.encode("utf-16-le"))
with open("bounds-tracker-duplicate-after-newline.csv", "wb") as f:  # T1 again on line 5, record 4
    f.write(b'Ref,Action,Due date,RAG rating\nT1,"Agree the\nSEND strategy",31/03/24,Completed\n'
            b'T2,Publish the self-evaluation,30/04/24,Amber\nT1,Agree it again,30/04/24,Amber\n')

with open("bounds-lait-dictionary-utf16.csv", "wb") as f:  # a data dictionary re-saved as UTF-16
    f.write(b"\xff\xfe" + "Measure_short,Polarity,Year_Type\nehcp_20wk,High,Calendar Year\n".encode("utf-16-le"))

# One cell of 40,000 characters, past Excel's own 32,767: inline, and in the shared strings.
xlsx("bounds-xlsx-long-cell.xlsx", SHEET.replace('<c r="B2"><v>5</v></c>',
     '<c r="B2" t="inlineStr"><is><t>' + "x" * 40_000 + '</t></is></c>'), PLAIN)
xlsx("bounds-xlsx-long-shared-string.xlsx", SHEET, PLAIN.replace("No. of EHCPs", "y" * 40_000))

# A header line of 3 MB: refused before the header is parsed.
sen2_zip("bounds-sen2-long-header.zip", ("time_period," + "h" * 3_000_000 + "\n").encode())

# A region's figure on two of its LAs' lines (as the 2025 release's newplans.csv carries Yorkshire and
# The Humber's 2022 total on each of its LAs' lines), with no other rows to take the LAs' own from.
def sen2_area_row(year, level, region, la_code, la_number, name, value):
    region_cols = "E12000009,South West" if region else ","
    return (f"{year},Academic year,{level},E92000001,England,{region_cols},{la_code},{la_number},{name},"
            f"All EHC plans,All EHC plans," + ",".join([str(value)] * VALUES))


sen2_zip("bounds-sen2-region-figure.zip", lines(SEN2_HEADER,
         sen2_area_row("202223", "Regional", True, "", "", "", 14),
         sen2_area_row("202223", "Local authority", True, "E06000058", "839", "BCP", 14),
         sen2_area_row("202223", "Local authority", True, "E06000059", "838", "Dorset", 14)))
# England's figure below its LAs' sum by more than the 1 % margin (7 + 7 against 10).
sen2_zip("bounds-sen2-above-england.zip", lines(SEN2_HEADER,
         sen2_area_row("202223", "National", False, "", "", "", 10),
         sen2_area_row("202223", "Local authority", True, "E06000058", "839", "BCP", 7),
         sen2_area_row("202223", "Local authority", True, "E06000059", "838", "Dorset", 7)))

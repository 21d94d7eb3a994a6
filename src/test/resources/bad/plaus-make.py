#!/usr/bin/env python3
"""Writes the plaus-* zips and workbooks of the bad-input corpus: tiny hand-made SEN2 releases (2022
layout) and DSG workbooks, each with one implausible value. Every figure here is made up.
Run from this folder: python3 plaus-make.py"""
import zipfile

GEO = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name"
MI_COLS = ["InreqEHC", "InreqryaEHC", "AssRefusedEHC", "AssRefusedEHC_pc", "NewallEHC", "AssnoneEHC", "AssnoneEHC_pc",
           "AssnodecisionEHC", "TotIncExcEHC", "IncExc20weekEHC", "IncExc20weekRate", "TotNoExcEHC", "NoExc20weekEHC",
           "NoExc20weekRate", "NewEHCMediation", "NewEHCTribunal", "NewEHCTribunal_pc", "DisleaEHC", "DismetEHC",
           "DisleftEHC", "DisothEHC", "MtosiEHC", "SitomEHC", "MtoParEHC", "SitoParEHC", "PersonalBudgets"]
MI_GOOD = {"InreqEHC": "400", "InreqryaEHC": "0", "AssRefusedEHC": "100", "AssRefusedEHC_pc": "25", "NewallEHC": "250",
           "AssnoneEHC": "20", "AssnoneEHC_pc": "7.4", "AssnodecisionEHC": "30", "TotIncExcEHC": "250",
           "IncExc20weekEHC": "150", "IncExc20weekRate": "60", "TotNoExcEHC": "240", "NoExc20weekEHC": "150",
           "NoExc20weekRate": "62.5", "NewEHCMediation": "10", "NewEHCTribunal": "2", "NewEHCTribunal_pc": "20",
           "DisleaEHC": "5", "DismetEHC": "6", "DisleftEHC": "7", "DisothEHC": "8", "MtosiEHC": "3", "SitomEHC": "1",
           "MtoParEHC": "2", "SitoParEHC": "0", "PersonalBudgets": "12"}
LA = "{tp},Calendar year,Local authority,E92000001,England,E12000009,South West,{num},{code},Testshire"


def caseload(tp="2021", code="E06000999", num="999", total="1200", ehc="1150", st="50"):
    rows = [GEO + ",characteristic_age,Total_all,Total_ehc,Total_st"]
    base = LA.format(tp=tp, num=num, code=code)
    rows.append(base + f",Total,{total},{ehc},{st}")
    return "\n".join(rows) + "\n"


def mi(**changes):
    values = dict(MI_GOOD, **changes)
    return GEO + "," + ",".join(MI_COLS) + "\n" + LA.format(tp="2020", num="999", code="E06000999") + "," \
        + ",".join(values[c] for c in MI_COLS) + "\n"


def sen2(name, age_caseload, sen2_mi=None):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("data/sen2_age_caseload.csv", age_caseload)
        if sen2_mi is not None:
            z.writestr("data/sen2_mi.csv", sen2_mi)


sen2("plaus-sen2-decimal-comma.zip", caseload(total='"1,5"'))
sen2("plaus-sen2-nan.zip", caseload(ehc="NaN"))
sen2("plaus-sen2-infinity.zip", caseload(st="inf"))
sen2("plaus-sen2-overflow.zip", caseload(total="1e400"))
sen2("plaus-sen2-negative-count.zip", caseload(st="-3"))
sen2("plaus-sen2-fractional-count.zip", caseload(total="1200.5"))
sen2("plaus-sen2-statements-above-caseload.zip", caseload(total="1200", ehc="1150", st="1300"))
sen2("plaus-sen2-unknown-la-code.zip", caseload(code="E99999999"))
sen2("plaus-sen2-future-period_2022.zip", caseload(tp="2098"))
sen2("plaus-sen2-percent-150.zip", caseload(), mi(IncExc20weekRate="150"))
sen2("plaus-sen2-within-above-issued.zip", caseload(), mi(IncExc20weekEHC="300"))


def cell(ref, v):
    if isinstance(v, str) and v.startswith("="):  # a numeric cell written as the XML holds it
        return f'<c r="{ref}"><v>{v[1:]}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'


def xlsx(name, rows):
    cols = "ABCDEFGH"
    sheet = "".join(f'<row r="{i + 1}">' + "".join(cell(f"{cols[j]}{i + 1}", v) for j, v in enumerate(r)) + "</row>"
                    for i, r in enumerate(rows))
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                   f"<sheetData>{sheet}</sheetData></worksheet>")


BALANCE = ["time_period", "geographic_level", "region_name", "la_name", "DSG cumulative balance as a % of the total income"]
xlsx("plaus-dsg-nan-cell.xlsx", [BALANCE, ["202122", "National", "", "", "=NaN"]])
xlsx("plaus-dsg-decimal-comma.xlsx", [BALANCE, ["202122", "National", "", "", "-2,5"]])
xlsx("plaus-dsg-balance-below-range.xlsx", [BALANCE, ["202122", "National", "", "", "=-150"]])
xlsx("plaus-dsg-future-year.xlsx", [BALANCE, ["209899", "National", "", "", "=-2.5"]])

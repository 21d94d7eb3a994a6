package org.sendscope.report;

/** How a table is printed: aligned text for people, CSV for spreadsheets, JSON for programs. */
public enum TableFormat {
    table, csv, json
}

package org.sendscope.ingest.finance;

import org.sendscope.period.Period;

/** One DSG value as read: area, period, number or marker. */
record DsgObservation(String areaCode, String areaName, String level, Period period, Double value, String status) {
}

package org.sendscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Charts that answer: a time axis, a fan chart in one call, highlight, named colours, counts, SVG, alt text. */
class ChartTest {

    @Test
    void aTimeAxisSpacesMarchToDecemberNineTimesOneMonth() {
        Table t = Table.create("t", DateColumn.create("period_end", LocalDate.of(2023, 3, 31), LocalDate.of(2023, 4, 30),
                LocalDate.of(2023, 12, 31)), DoubleColumn.create("value", 60, 62, 67));
        XYPlot p = Chart.overTime(t, "period_end", "value").jfreechart().getXYPlot();
        double march = p.getDataset().getXValue(0, 0);
        double april = p.getDataset().getXValue(0, 1);
        double december = p.getDataset().getXValue(0, 2);
        // 30 days then 245 days: December is about nine months from March, not one step.
        assertEquals(245.0 / 30.0, (december - april) / (april - march), 0.01);
    }

    @Test
    void aFanChartIsOneCallAndItsLegendShowsBandsAsBands() {
        Table history = Table.create("h", IntColumn.create("year", 2021, 2022, 2023), DoubleColumn.create("value", 2100, 2448, 3266));
        Table forecast = Table.create("f", IntColumn.create("year", 2024, 2025), DoubleColumn.create("point", 3500, 3700),
                DoubleColumn.create("lo80", 3300, 3400), DoubleColumn.create("hi80", 3700, 4000),
                DoubleColumn.create("lo95", 3200, 3250), DoubleColumn.create("hi95", 3800, 4200));
        Chart fan = Chart.fan(history, "value", forecast, "year");
        var legend = fan.jfreechart().getXYPlot().getFixedLegendItems();
        assertEquals(4, legend.getItemCount());
        LegendItem band80 = legend.get(2);
        assertEquals("80% interval", band80.getLabel());
        assertTrue(band80.isShapeFilled() && !band80.isLineVisible(), "a band is a filled box in the legend");
        assertTrue(legend.get(1).isLineVisible(), "the forecast is a line");
        assertTrue(fan.png().length > 5_000);
        assertTrue(fan.altText().contains("80% and 95% intervals"), fan.altText());
    }

    @Test
    void aScenarioBandIsOneCallWithTheBandAsABoxAndAltText() {
        // bcp-2024's kind of figures: the cumulative balance at 31 March, £m, median and 10th-90th percentiles
        Table t = Table.create("b", IntColumn.create("31 March of", 2025, 2026), DoubleColumn.create("median", -91.0, -120.5),
                DoubleColumn.create("p10", -95.0, -131.0), DoubleColumn.create("p90", -87.0, -110.0));
        Chart c = Chart.band(t, "31 March of", "median", "p10", "p90", "10th-90th percentile");
        var legend = c.jfreechart().getXYPlot().getFixedLegendItems();
        assertEquals(2, legend.getItemCount());
        assertTrue(legend.get(0).isLineVisible(), "the median is a line");
        assertEquals("10th-90th percentile", legend.get(1).getLabel());
        assertTrue(legend.get(1).isShapeFilled() && !legend.get(1).isLineVisible(), "the band is a filled box");
        var band = (org.jfree.data.xy.YIntervalSeriesCollection) c.jfreechart().getXYPlot().getDataset(1);
        assertEquals(-131.0, band.getStartYValue(0, 1), 1e-9);
        assertEquals(-110.0, band.getEndYValue(0, 1), 1e-9);
        assertEquals("median by 31 March of as a line inside a shaded band from p10 to p90 (10th-90th percentile)", c.altText());
    }

    @Test
    void elevenAreasGetElevenColoursAndEnglandItsOwn() {
        Set<Color> colours = new HashSet<>();
        for (int i = 0; i < 11; i++) colours.add(Chart.colourFor("area " + i, i));
        assertEquals(11, colours.size());
        assertEquals(Chart.NAMED.get("england"), Chart.colourFor("England", 0));
        assertEquals(Chart.NAMED.get("neighbours"), Chart.colourFor("Statistical neighbours (mean)", 3));
        assertEquals(Chart.NAMED.get("region"), Chart.colourFor("South West", 5));
    }

    @Test
    void highlightGreysTheRestAndCountsHaveWholeTicks() {
        Table t = Table.create("t", StringColumn.create("area", "BCP", "BCP", "Hull", "Hull", "England", "England"),
                IntColumn.create("year", 2022, 2023, 2022, 2023, 2022, 2023), DoubleColumn.create("kpis", 2, 3, 1, 2, 3, 3));
        Chart c = Chart.line(t, "year", "kpis", "area").highlight("Hull").counts();
        var r = c.jfreechart().getCategoryPlot().getRenderer();
        var data = c.jfreechart().getCategoryPlot().getDataset();
        assertEquals(Chart.NAMED.get("grey"), r.getSeriesPaint(data.getRowIndex("BCP")));
        assertEquals(Chart.NAMED.get("grey"), r.getSeriesPaint(data.getRowIndex("England")));
        assertNotEquals(Chart.NAMED.get("grey"), r.getSeriesPaint(data.getRowIndex("Hull")));
        NumberAxis axis = (NumberAxis) c.jfreechart().getCategoryPlot().getRangeAxis();
        assertEquals(NumberAxis.createIntegerTickUnits().getClass(), axis.getStandardTickUnits().getClass());
        assertEquals(1.0, axis.getStandardTickUnits().getCeilingTickUnit(0.5).getSize(), "no half-step tick for counts");
    }

    @Test
    void ragBarsAreColouredAndSaySoInWords() {
        Table t = Table.create("t", StringColumn.create("kpi", "KPI 1", "KPI 2", "KPI 3"), DoubleColumn.create("value", 50, 70, 95),
                StringColumn.create("rag", "red", "amber", "green"));
        Chart c = Chart.rag(t, "kpi", "value", "rag");
        var r = c.jfreechart().getCategoryPlot().getRenderer();
        assertEquals(Chart.NAMED.get("red"), r.getItemPaint(0, 0));
        assertEquals(Chart.NAMED.get("green"), r.getItemPaint(0, 2));
        assertEquals("Amber", r.getDefaultItemLabelGenerator().generateLabel(c.jfreechart().getCategoryPlot().getDataset(), 0, 1));
    }

    @Test
    void svgAsWellAsPngAndAltTextOnEveryChart() {
        Table t = Table.create("t", IntColumn.create("year", 2022, 2023), DoubleColumn.create("value", 1, 2));
        Chart c = Chart.bar(t, "year", "value").title("EHC plans");
        assertTrue(c.svg().startsWith("<svg"), c.svg().substring(0, 40));
        assertEquals("EHC plans: bar chart of value by year", c.altText());
        // The alt text reaching the notebook (output metadata nbconvert writes as alt=) is checked in KernelProtocolTest.
    }
}

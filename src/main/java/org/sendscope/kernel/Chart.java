package org.sendscope.kernel;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.RegularTimePeriod;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.time.Year;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A chart drawn in the JVM with JFreeChart and shown in the notebook as a PNG
 * (docs/decisions/0060-charts.md): a line chart of a measure over periods, one line per area, or
 * a bar chart. Built from a Tablesaw table by naming its columns, so a cell reads
 * {@code Chart.line(plans, "period", "value", "area_name").title("EHC plans, January")}.
 */
public final class Chart {
    /**
     * Twelve colours far enough apart to tell eleven areas and a comparator apart (the first
     * eight as before, then four more); a series called England, a region or neighbours gets its
     * fixed colour instead ({@link #NAMED}).
     */
    static final Color[] PALETTE = {
            new Color(0x1f, 0x4e, 0x79), new Color(0xd9, 0x5f, 0x02), new Color(0x1b, 0x9e, 0x77),
            new Color(0x75, 0x70, 0xb3), new Color(0xe7, 0x29, 0x8a), new Color(0x66, 0xa6, 0x1e),
            new Color(0xa6, 0x76, 0x1d), new Color(0x66, 0x66, 0x66), new Color(0x00, 0xa0, 0xd6),
            new Color(0x8c, 0x1c, 0x13), new Color(0xb8, 0xa9, 0x00), new Color(0x4b, 0x00, 0x82)};
    /** Fixed colours by name, the same on every chart. */
    public static final Map<String, Color> NAMED = Map.of(
            "england", new Color(0x22, 0x22, 0x22),
            "region", new Color(0x7b, 0x3f, 0x9e),
            "neighbours", new Color(0x00, 0x80, 0x80),
            "red", new Color(0xd4, 0x35, 0x1c),
            "amber", new Color(0xf4, 0x9d, 0x00),
            "green", new Color(0x00, 0x70, 0x3c),
            "grey", new Color(0xbb, 0xbb, 0xbb));
    private static final Color HIGHLIGHT = PALETTE[0];

    /** The colour for a series: a fixed one for England, a region or neighbours, else the palette's next. */
    static Color colourFor(String series, int index) {
        String k = series == null ? "" : series.toLowerCase(Locale.ROOT);
        if (k.equals("england")) return NAMED.get("england");
        if (k.contains("neighbour")) return NAMED.get("neighbours");
        if (k.contains("region") || REGIONS.contains(k)) return NAMED.get("region");
        return PALETTE[index % PALETTE.length];
    }

    private static final java.util.Set<String> REGIONS = java.util.Set.of("north east", "north west",
            "yorkshire and the humber", "east midlands", "west midlands", "east of england", "london", "inner london",
            "outer london", "south east", "south west");

    private final JFreeChart chart;
    private int width = 800;
    private int height = 420;
    private String alt;
    /** What the chart shows, for the default alt text: "x" and "value" and the series. */
    private final String shows;

    private Chart(JFreeChart chart, String shows) {
        this.chart = chart;
        this.shows = shows;
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof CategoryPlot p) {
            p.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
            p.setOutlineVisible(false);
        } else if (chart.getPlot() instanceof XYPlot p) {
            p.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
            p.setDomainGridlinePaint(new Color(0xee, 0xee, 0xee));
            p.setOutlineVisible(false);
        }
    }

    private static String describe(Table t, String x, String value, String series) {
        String what = value + " by " + x;
        if (series == null) return what;
        List<String> keys = t.column(series).unique().asList().stream().map(String::valueOf).sorted().toList();
        return what + " for " + String.join(", ", keys.size() > 12 ? keys.subList(0, 12) : keys)
                + (keys.size() > 12 ? " and " + (keys.size() - 12) + " more" : "");
    }

    /** One line per series across the periods, in the table's row order; a missing value leaves a gap. */
    public static Chart line(Table t, String period, String value, String series) {
        DefaultCategoryDataset data = dataset(t, period, value, series);
        JFreeChart c = ChartFactory.createLineChart(null, period, value, data, PlotOrientation.VERTICAL,
                series != null, false, false);
        CategoryPlot p = c.getCategoryPlot();
        LineAndShapeRenderer r = (LineAndShapeRenderer) p.getRenderer();
        r.setDefaultShapesVisible(true);
        // A line shows change: let the axis fit the data rather than start at zero (bars keep zero).
        ((NumberAxis) p.getRangeAxis()).setAutoRangeIncludesZero(false);
        for (int i = 0; i < data.getRowCount(); i++) {
            r.setSeriesPaint(i, colourFor(String.valueOf(data.getRowKey(i)), i));
            r.setSeriesStroke(i, new BasicStroke(2.2f));
        }
        tiltLabels(p.getDomainAxis(), data.getColumnCount());
        return new Chart(c, "line chart of " + describe(t, period, value, series));
    }

    /**
     * One line per series on a real time axis: {@code date} is a date column (a period's start or
     * end) or a year, so nine months are drawn nine times as far apart as one, and monthly, termly
     * and yearly series can share a chart. Rows with no date or no value are left out.
     */
    public static Chart overTime(Table t, String date, String value, String series) {
        Column<?> ds = t.column(date);
        NumericColumn<?> numbers = numeric(t, value);
        Column<?> ss = series == null ? null : t.column(series);
        Map<String, TimeSeries> bySeries = new java.util.LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if (ds.isMissing(r) || numbers.isMissing(r)) continue;
            String key = ss == null ? value : ss.getString(r);
            bySeries.computeIfAbsent(key, TimeSeries::new).addOrUpdate(day(ds.get(r), date), numbers.getDouble(r));
        }
        TimeSeriesCollection data = new TimeSeriesCollection();
        bySeries.values().forEach(data::addSeries);
        JFreeChart c = ChartFactory.createTimeSeriesChart(null, date, value, data, series != null, false, false);
        XYPlot p = c.getXYPlot();
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) p.getRenderer();
        r.setDefaultShapesVisible(true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesPaint(i, colourFor(String.valueOf(data.getSeriesKey(i)), i));
            r.setSeriesStroke(i, new BasicStroke(2.2f));
        }
        ((NumberAxis) p.getRangeAxis()).setAutoRangeIncludesZero(false);
        return new Chart(c, "line chart over time of " + describe(t, date, value, series));
    }

    /** A single line on a time axis. */
    public static Chart overTime(Table t, String date, String value) {
        return overTime(t, date, value, null);
    }

    private static RegularTimePeriod day(Object v, String column) {
        if (v instanceof java.time.LocalDate d) return new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
        if (v instanceof java.time.LocalDateTime d) return new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return new Year(n.intValue());
        throw new IllegalArgumentException("column '" + column + "' holds " + v + ": a time axis needs dates or years");
    }

    /**
     * A fan chart of a forecast: the point forecast as a line, the 80% and 95% intervals as
     * shaded bands (shown as bands in the legend), after the history as a line. {@code forecast}
     * has {@code point, lo80, hi80, lo95, hi95} as {@link Sendscope#forecast} gives them;
     * {@code x} is the year (or any number) in both tables.
     *
     * @param history the observed series, or {@code null}
     */
    public static Chart fan(Table history, String historyValue, Table forecast, String x) {
        YIntervalSeries p95 = new YIntervalSeries("95% interval");
        YIntervalSeries p80 = new YIntervalSeries("80% interval");
        XYSeries point = new XYSeries("forecast");
        XYSeries seen = new XYSeries("recorded");
        NumericColumn<?> fx = (NumericColumn<?>) forecast.column(x);
        for (int r = 0; r < forecast.rowCount(); r++) {
            double at = fx.getDouble(r);
            double pt = forecast.numberColumn("point").getDouble(r);
            p95.add(at, pt, forecast.numberColumn("lo95").getDouble(r), forecast.numberColumn("hi95").getDouble(r));
            p80.add(at, pt, forecast.numberColumn("lo80").getDouble(r), forecast.numberColumn("hi80").getDouble(r));
            point.add(at, pt);
        }
        if (history != null) {
            NumericColumn<?> hx = (NumericColumn<?>) history.column(x);
            NumericColumn<?> hv = (NumericColumn<?>) history.column(historyValue);
            for (int r = 0; r < history.rowCount(); r++) {
                if (!hx.isMissing(r) && !hv.isMissing(r)) seen.add(hx.getDouble(r), hv.getDouble(r));
            }
            // The fan starts at the last recorded value, so the line does not jump.
            if (seen.getItemCount() > 0 && point.getItemCount() > 0 && seen.getMaxX() < point.getMinX()) {
                var last = seen.getDataItem(seen.getItemCount() - 1);
                double lx = last.getXValue();
                double ly = last.getYValue();
                p95.add(lx, ly, ly, ly);
                p80.add(lx, ly, ly, ly);
                point.add(lx, ly);
            }
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(p95);
        bands.addSeries(p80);
        XYSeriesCollection lines = new XYSeriesCollection();
        if (history != null) lines.addSeries(seen);
        lines.addSeries(point);

        NumberAxis xAxis = yearAxis(x);
        NumberAxis yAxis = new NumberAxis("EHC plans");
        yAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(lines, xAxis, yAxis, null);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, true);
        int s = 0;
        if (history != null) {
            lineRenderer.setSeriesPaint(s, NAMED.get("england"));
            lineRenderer.setSeriesStroke(s++, new BasicStroke(2.2f));
        }
        lineRenderer.setSeriesPaint(s, HIGHLIGHT);
        lineRenderer.setSeriesStroke(s, new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        plot.setRenderer(0, lineRenderer);
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        Color c95 = new Color(0x1f, 0x4e, 0x79, 0x33);
        Color c80 = new Color(0x1f, 0x4e, 0x79, 0x66);
        bandRenderer.setSeriesFillPaint(0, c95);
        bandRenderer.setSeriesFillPaint(1, c80);
        bandRenderer.setAlpha(1f);
        plot.setDataset(1, bands);
        plot.setRenderer(1, bandRenderer);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        // The legend shows each band as a filled box, not as the line DeviationRenderer would draw.
        LegendItemCollection legend = new LegendItemCollection();
        if (history != null) legend.add(lineLegend("recorded", new BasicStroke(2.2f), NAMED.get("england")));
        legend.add(lineLegend("forecast", lineRenderer.getSeriesStroke(s), HIGHLIGHT));
        legend.add(new LegendItem("80% interval", null, null, null, LEGEND_BOX, new Color(0x1f, 0x4e, 0x79, 0x80)));
        legend.add(new LegendItem("95% interval", null, null, null, LEGEND_BOX, new Color(0x1f, 0x4e, 0x79, 0x40)));
        plot.setFixedLegendItems(legend);
        JFreeChart c = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return new Chart(c, "fan chart of the forecast by " + x + ": point forecast with 80% and 95% intervals"
                + (history == null ? "" : ", after the recorded " + historyValue));
    }

    /**
     * A central line inside one shaded band, such as a scenario's median cumulative balance between
     * its 10th and 90th percentiles: {@code mid}, {@code lo} and {@code hi} are columns of {@code t}
     * by {@code x} (a year or any number). The legend shows the band as a filled box.
     */
    public static Chart band(Table t, String x, String mid, String lo, String hi, String bandLabel) {
        YIntervalSeries band = new YIntervalSeries(bandLabel);
        XYSeries line = new XYSeries(mid);
        NumericColumn<?> fx = (NumericColumn<?>) t.column(x);
        for (int r = 0; r < t.rowCount(); r++) {
            double at = fx.getDouble(r);
            double m = t.numberColumn(mid).getDouble(r);
            band.add(at, m, t.numberColumn(lo).getDouble(r), t.numberColumn(hi).getDouble(r));
            line.add(at, m);
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band);
        NumberAxis xAxis = yearAxis(x);
        NumberAxis yAxis = new NumberAxis(mid);
        yAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(line), xAxis, yAxis, null);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, true);
        lineRenderer.setSeriesPaint(0, HIGHLIGHT);
        lineRenderer.setSeriesStroke(0, new BasicStroke(2.2f));
        plot.setRenderer(0, lineRenderer);
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        Color fill = new Color(0x1f, 0x4e, 0x79, 0x55);
        bandRenderer.setSeriesFillPaint(0, fill);
        bandRenderer.setAlpha(1f);
        plot.setDataset(1, bands);
        plot.setRenderer(1, bandRenderer);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(lineLegend(mid, new BasicStroke(2.2f), HIGHLIGHT));
        legend.add(new LegendItem(bandLabel, null, null, null, LEGEND_BOX, fill));
        plot.setFixedLegendItems(legend);
        JFreeChart c = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return new Chart(c, mid + " by " + x + " as a line inside a shaded band from " + lo + " to " + hi
                + " (" + bandLabel + ")");
    }

    /** A legend's filled box, for a band. */
    private static final java.awt.Shape LEGEND_BOX = new java.awt.geom.Rectangle2D.Double(-6, -4, 12, 8);

    /** A legend entry drawn as a short line in the series' stroke and colour. */
    private static LegendItem lineLegend(String label, java.awt.Stroke stroke, java.awt.Paint paint) {
        return new LegendItem(label, null, null, null, false, LEGEND_BOX, false, Color.BLACK, false,
                Color.BLACK, new BasicStroke(0f), true, new java.awt.geom.Line2D.Double(-7, 0, 7, 0), stroke, paint);
    }

    /** An axis of years (or other whole numbers) that prints 2024, not 2,024, and need not start at zero. */
    private static NumberAxis yearAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    /** A fan chart of a forecast alone. */
    public static Chart fan(Table forecast, String x) {
        return fan(null, null, forecast, x);
    }

    /**
     * Bars coloured by RAG rating (red, amber, green from {@code rag}'s text), each bar labelled
     * with its rating in words too, so the chart reads without colour.
     */
    public static Chart rag(Table t, String category, String value, String rag) {
        DefaultCategoryDataset data = dataset(t, category, value, null);
        Column<?> rs = t.column(rag);
        Map<String, String> ratingOf = new java.util.HashMap<>();
        for (int r = 0; r < t.rowCount(); r++) ratingOf.put(t.column(category).getString(r), rs.isMissing(r) ? "" : rs.getString(r));
        JFreeChart c = ChartFactory.createBarChart(null, category, value, data, PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot p = c.getCategoryPlot();
        BarRenderer r = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return ragColour(ratingOf.get(String.valueOf(getPlot().getDataset().getColumnKey(column))));
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset d, int row, int column) {
                return ragWord(ratingOf.get(String.valueOf(d.getColumnKey(column))));
            }
        });
        r.setDefaultItemLabelsVisible(true);
        p.setRenderer(r);
        tiltLabels(p.getDomainAxis(), data.getColumnCount());
        return new Chart(c, "bar chart of " + value + " by " + category + ", each bar rated red, amber or green");
    }

    static Color ragColour(String rating) {
        String k = rating == null ? "" : rating.strip().toLowerCase(Locale.ROOT);
        if (k.startsWith("r")) return NAMED.get("red");
        if (k.startsWith("a")) return NAMED.get("amber");
        if (k.startsWith("g")) return NAMED.get("green");
        return NAMED.get("grey");
    }

    static String ragWord(String rating) {
        String k = rating == null ? "" : rating.strip().toLowerCase(Locale.ROOT);
        if (k.startsWith("r")) return "Red";
        if (k.startsWith("a")) return "Amber";
        if (k.startsWith("g")) return "Green";
        return "not rated";
    }

    /** A single line across the periods. */
    public static Chart line(Table t, String period, String value) {
        return line(t, period, value, null);
    }

    /** One bar per category (and per series within it, if a series column is given). */
    public static Chart bar(Table t, String category, String value, String series) {
        DefaultCategoryDataset data = dataset(t, category, value, series);
        JFreeChart c = ChartFactory.createBarChart(null, category, value, data, PlotOrientation.VERTICAL,
                series != null, false, false);
        CategoryPlot p = c.getCategoryPlot();
        BarRenderer r = (BarRenderer) p.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        for (int i = 0; i < data.getRowCount(); i++) r.setSeriesPaint(i, colourFor(String.valueOf(data.getRowKey(i)), i));
        tiltLabels(p.getDomainAxis(), data.getColumnCount());
        return new Chart(c, "bar chart of " + describe(t, category, value, series));
    }

    /** One bar per category. */
    public static Chart bar(Table t, String category, String value) {
        return bar(t, category, value, null);
    }

    /** The column of values to draw, which must hold numbers: said in one line where it does not. */
    private static NumericColumn<?> numeric(Table t, String value) {
        Column<?> vs = t.column(value);
        if (!(vs instanceof NumericColumn<?> numbers)) {
            throw new IllegalArgumentException("column '" + value + "' is not numeric (it is " + vs.type() + ")");
        }
        return numbers;
    }

    private static DefaultCategoryDataset dataset(Table t, String x, String value, String series) {
        Column<?> xs = t.column(x);
        NumericColumn<?> numbers = numeric(t, value);
        Column<?> ss = series == null ? null : t.column(series);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int r = 0; r < t.rowCount(); r++) {
            String key = ss == null ? value : ss.getString(r);
            Double v = numbers.isMissing(r) ? null : numbers.getDouble(r);
            data.addValue(v, key, xs.getString(r));
        }
        return data;
    }

    private static void tiltLabels(CategoryAxis axis, int categories) {
        if (categories > 8) axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }

    /** Sets the title. */
    public Chart title(String title) {
        chart.setTitle(title);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        return this;
    }

    /** Labels the vertical axis (the measure and its unit). */
    public Chart yLabel(String label) {
        rangeAxis().setLabel(label);
        return this;
    }

    private ValueAxis rangeAxis() {
        return chart.getPlot() instanceof XYPlot p ? p.getRangeAxis() : chart.getCategoryPlot().getRangeAxis();
    }

    /** Labels the horizontal axis. */
    public Chart xLabel(String label) {
        if (chart.getPlot() instanceof XYPlot p) p.getDomainAxis().setLabel(label);
        else chart.getCategoryPlot().getDomainAxis().setLabel(label);
        return this;
    }

    /** Sets the picture size in pixels. */
    public Chart size(int width, int height) {
        this.width = width;
        this.height = height;
        return this;
    }

    /** The chart as PNG bytes. */
    public byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, width, height);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the PNG to a file. */
    public Path save(Path file) {
        try {
            return Files.write(file, png());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JFreeChart underneath, for anything this class does not offer. */
    public JFreeChart jfreechart() {
        return chart;
    }

    /** The chart as an SVG element (vector, for a report or a print; what a notebook shows). */
    public String svg() {
        return drawSvg().getSVGElement();
    }

    private SVGGraphics2D drawSvg() {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g;
    }

    /** Writes the SVG to a file, as a standalone document. */
    public Path saveSvg(Path file) {
        try {
            return Files.writeString(file, drawSvg().getSVGDocument());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shows the chart as SVG rather than PNG in the notebook. */
    public RichDisplay.Svg asSvg() {
        return new RichDisplay.Svg(svg(), altText());
    }

    /** Sets the alt text (what a screen reader says for the picture). */
    public Chart alt(String text) {
        this.alt = text;
        return this;
    }

    /** The alt text: the one set, else the title and what the chart shows. */
    public String altText() {
        if (alt != null) return alt;
        String title = chart.getTitle() == null ? "" : chart.getTitle().getText() + ": ";
        return title + shows;
    }

    /**
     * Draws every series grey except {@code series}, in the highlight colour and thicker: one area
     * against the rest.
     */
    public Chart highlight(String series) {
        boolean found = false;
        for (var r : renderers()) {
            for (int i = 0; i < r.keys().size(); i++) {
                boolean it = r.keys().get(i).equals(series);
                found |= it;
                r.paint(i, it ? HIGHLIGHT : NAMED.get("grey"), it ? 3.2f : 1.4f);
            }
        }
        if (!found) throw new IllegalArgumentException("no series '" + series + "' to highlight");
        return this;
    }

    /** Sets a series' colour by name ({@link #NAMED}: england, region, neighbours, red, amber, green, grey). */
    public Chart colour(String series, String colourName) {
        Color c = NAMED.get(colourName.toLowerCase(Locale.ROOT));
        if (c == null) throw new IllegalArgumentException("no colour '" + colourName + "'; known: " + new java.util.TreeSet<>(NAMED.keySet()));
        for (var r : renderers()) {
            int i = r.keys().indexOf(series);
            if (i >= 0) r.paint(i, c, -1);
        }
        return this;
    }

    /** The value axis counts things: whole-number ticks only (no 2.5 plans). */
    public Chart counts() {
        rangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return this;
    }

    private record SeriesPainter(List<String> keys, PaintSetter setter) {
        void paint(int i, Color c, float width) {
            setter.set(i, c, width);
        }
    }

    private interface PaintSetter {
        void set(int series, Color colour, float width);
    }

    private List<SeriesPainter> renderers() {
        List<SeriesPainter> l = new ArrayList<>();
        if (chart.getPlot() instanceof CategoryPlot p) {
            var data = p.getDataset();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < data.getRowCount(); i++) keys.add(String.valueOf(data.getRowKey(i)));
            var r = p.getRenderer();
            l.add(new SeriesPainter(keys, (i, c, w) -> {
                r.setSeriesPaint(i, c);
                if (w > 0 && r instanceof LineAndShapeRenderer) r.setSeriesStroke(i, new BasicStroke(w));
            }));
        } else if (chart.getPlot() instanceof XYPlot p) {
            for (int d = 0; d < p.getDatasetCount(); d++) {
                var data = p.getDataset(d);
                var r = p.getRenderer(d);
                if (data == null || r == null) continue;
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < data.getSeriesCount(); i++) keys.add(String.valueOf(data.getSeriesKey(i)));
                l.add(new SeriesPainter(keys, (i, c, w) -> {
                    r.setSeriesPaint(i, c);
                    if (w > 0) r.setSeriesStroke(i, new BasicStroke(w));
                }));
            }
        }
        return l;
    }

    @Override
    public String toString() {
        String title = chart.getTitle() == null ? "chart" : "chart: " + chart.getTitle().getText();
        return title + " (" + width + "×" + height + " PNG)";
    }
}

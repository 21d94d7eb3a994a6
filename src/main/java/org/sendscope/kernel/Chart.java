package org.sendscope.kernel;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final Color[] PALETTE = {
            new Color(0x1f, 0x4e, 0x79), new Color(0xd9, 0x5f, 0x02), new Color(0x1b, 0x9e, 0x77),
            new Color(0x75, 0x70, 0xb3), new Color(0xe7, 0x29, 0x8a), new Color(0x66, 0xa6, 0x1e),
            new Color(0xa6, 0x76, 0x1d), new Color(0x66, 0x66, 0x66)};

    private final JFreeChart chart;
    private int width = 800;
    private int height = 420;

    private Chart(JFreeChart chart) {
        this.chart = chart;
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof CategoryPlot p) {
            p.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
            p.setOutlineVisible(false);
        }
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
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(2.2f));
        }
        tiltLabels(p.getDomainAxis(), data.getColumnCount());
        return new Chart(c);
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
        for (int i = 0; i < data.getRowCount(); i++) r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        tiltLabels(p.getDomainAxis(), data.getColumnCount());
        return new Chart(c);
    }

    /** One bar per category. */
    public static Chart bar(Table t, String category, String value) {
        return bar(t, category, value, null);
    }

    private static DefaultCategoryDataset dataset(Table t, String x, String value, String series) {
        Column<?> xs = t.column(x);
        Column<?> vs = t.column(value);
        if (!(vs instanceof NumericColumn<?> numbers)) {
            throw new IllegalArgumentException("column '" + value + "' is not numeric (it is " + vs.type() + ")");
        }
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
        chart.getCategoryPlot().getRangeAxis().setLabel(label);
        return this;
    }

    /** Labels the horizontal axis. */
    public Chart xLabel(String label) {
        chart.getCategoryPlot().getDomainAxis().setLabel(label);
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

    @Override
    public String toString() {
        String title = chart.getTitle() == null ? "chart" : "chart: " + chart.getTitle().getText();
        return title + " (" + width + "×" + height + " PNG)";
    }
}

package org.sendscope.kernel;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import tech.tablesaw.api.Table;

/**
 * Turns a cell's value into what Jupyter shows: a Tablesaw table as an HTML table, a chart as a
 * PNG, text as text. Every output also carries plain text, for consoles and diffs.
 */
public final class RichDisplay {
    private RichDisplay() {
    }

    /** HTML written by a cell. */
    public record Html(String html) {
    }

    /** A chart as SVG, with its alt text. */
    public record Svg(String svg, String alt) {
    }

    /** Markdown written by a cell. */
    public record Markdown(String markdown) {
    }

    /** The display bundle for a value. */
    public static DisplayData of(Object value) {
        DisplayData d = new DisplayData(text(value));
        if (value instanceof Table t) {
            d.putHTML(TableHtml.render(t));
        } else if (value instanceof Chart c) {
            String png = Base64.getEncoder().encodeToString(c.png());
            d.putData("image/png", png);
            d.putMetaData("image/png", java.util.Map.of("alt", c.altText()));
            // The HTML export takes text/html first; Debian's nbconvert (6.5) writes no alt from the
            // metadata in its default template, so the chart also comes as an <img> with its alt text.
            d.putHTML("<img src=\"data:image/png;base64," + png + "\" alt=\"" + TableHtml.escape(c.altText()) + "\">");
        } else if (value instanceof Svg svg) {
            d.putData("image/svg+xml", svg.svg());
            d.putMetaData("image/svg+xml", java.util.Map.of("alt", svg.alt()));
        } else if (value instanceof RenderedImage img) {
            d.putData("image/png", Base64.getEncoder().encodeToString(png(img)));
        } else if (value instanceof Html h) {
            d.putHTML(h.html());
        } else if (value instanceof Markdown m) {
            d.putMarkdown(m.markdown());
        } else if (value instanceof DisplayData dd) {
            return dd;
        }
        return d;
    }

    /** The plain-text form of a value. */
    public static String text(Object value) {
        if (value instanceof Table t) return TableHtml.text(t);
        if (value instanceof Chart c) return c.toString() + " — " + c.altText();
        if (value instanceof Svg svg) return "SVG chart — " + svg.alt();
        if (value instanceof RenderedImage img) return "image " + img.getWidth() + "×" + img.getHeight();
        if (value instanceof Html h) return h.html();
        if (value instanceof Markdown m) return m.markdown();
        return String.valueOf(value);
    }

    static byte[] png(RenderedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

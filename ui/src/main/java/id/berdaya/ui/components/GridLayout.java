package id.berdaya.ui.components;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;

/**
 * Keeps lists readable at 1366 px: a column whose text may be long wraps it (CSS part
 * {@code berdaya-wrap}) instead of cutting it to "Seman R…". Give such columns widths in {@code rem}, not
 * {@code em}: a header cell has a smaller font than a body cell, so an {@code em} width differs between
 * them and the header no longer lines up with the rows.
 */
public final class GridLayout {

    private GridLayout() {
    }

    /** The column's cells wrap their text. */
    public static <T> Grid.Column<T> wrap(Grid.Column<T> column) {
        column.setPartNameGenerator(item -> "berdaya-wrap");
        return column;
    }

    /** As {@link #wrap(Grid.Column)}, with a header that wraps too (a narrow column with a long header). */
    public static <T> Grid.Column<T> wrap(Grid.Column<T> column, String header) {
        Span h = new Span(header);
        h.addClassName("berdaya-wrap");
        column.setHeader(h);
        return wrap(column);
    }
}

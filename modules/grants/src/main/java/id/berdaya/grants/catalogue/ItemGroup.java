package id.berdaya.grants.catalogue;

/** The group of a catalogue item: livestock, feed, housing/pen, tools, stock goods. */
public enum ItemGroup {
    LIVESTOCK, FEED, HOUSING, TOOLS, STOCK_GOODS
}

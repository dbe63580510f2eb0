package id.berdaya.grants.proposal;

/** One line of a proposal as the form enters it: a catalogue item and a quantity. */
public record ItemLine(long catalogueItemId, int quantity) {
}

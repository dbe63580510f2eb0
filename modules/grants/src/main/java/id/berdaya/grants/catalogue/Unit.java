package id.berdaya.grants.catalogue;

/** The unit (satuan) a catalogue item is priced in. */
public enum Unit {
    EKOR, PAKET, UNIT, KG, SAK
}

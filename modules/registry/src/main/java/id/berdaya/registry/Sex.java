package id.berdaya.registry;

/** Sex as recorded on the KTP: L (laki-laki) or P (perempuan). */
public enum Sex {
    L, P
}

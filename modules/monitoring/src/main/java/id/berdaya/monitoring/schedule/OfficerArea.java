package id.berdaya.monitoring.schedule;

/** A kecamatan of a kabupaten/kota and the field officer who covers it (null: nobody yet). */
public record OfficerArea(String kecamatanCode, String kecamatanName, Long officerId, String officerName) {
}

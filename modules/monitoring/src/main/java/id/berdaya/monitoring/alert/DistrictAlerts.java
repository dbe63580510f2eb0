package id.berdaya.monitoring.alert;

/** A kabupaten/kota with more alerts of a kind than the province's threshold (counts only). */
public record DistrictAlerts(String kabkotaCode, int overdue, int newFlags, int stopped) {
}

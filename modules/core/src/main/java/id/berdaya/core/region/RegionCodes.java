package id.berdaya.core.region;

import java.util.Set;

/**
 * Every administrative code the NIK rules look up, held in memory (a few thousand strings) so
 * that checking a million rows asks the database nothing.
 *
 * @param provinces        the 38 province codes ("33")
 * @param kabkotaNational  the 514 kabupaten/kota codes of Indonesia ("33.03")
 * @param kecamatan        the 576 kecamatan codes of Jawa Tengah ("33.03.01")
 */
public record RegionCodes(Set<String> provinces, Set<String> kabkotaNational, Set<String> kecamatan) {

    public RegionCodes {
        provinces = Set.copyOf(provinces);
        kabkotaNational = Set.copyOf(kabkotaNational);
        kecamatan = Set.copyOf(kecamatan);
    }
}

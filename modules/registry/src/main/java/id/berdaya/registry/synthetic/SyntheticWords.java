package id.berdaya.registry.synthetic;

/** The word lists {@link SyntheticPeople} draws from: Javanese name parts, streets, occupations, marital status, education. */
final class SyntheticWords {

    private SyntheticWords() {
    }

    static final String[] MALE_HEAD = {"Bam", "Bu", "Dar", "Har", "Jo", "Ka", "Mar", "Mul", "Nar", "Par", "Pur", "Ra",
            "Sa", "Se", "Sla", "Su", "Sur", "Ti", "Tu", "Wa", "Wi", "Ya", "Ag", "Gun"};
    static final String[] MALE_TAIL = {"di", "diono", "gino", "jo", "man", "mono", "no", "nto", "rdi", "rjo", "sman",
            "tono", "wanto", "yadi", "yanto", "yono", "min", "ran", "wo", "ryo"};
    static final String[] FEMALE_HEAD = {"Ar", "Da", "En", "Har", "Kar", "Ma", "Nur", "Par", "Pur", "Ra", "Ri", "Sa",
            "Si", "Sri", "Sum", "Tri", "Tu", "Wa", "Wi", "Ya", "Las", "Ning"};
    static final String[] FEMALE_TAIL = {"mi", "ni", "ti", "yah", "yati", "wati", "ningsih", "rni", "sih", "tun", "yem",
            "inah", "anti", "astuti", "rsih", "ngsih"};
    static final String[] MALE_SECOND = {"Adi", "Budi", "Cahyo", "Eko", "Gunawan", "Hadi", "Joko", "Kusumo", "Nugroho",
            "Prasetyo", "Purnomo", "Raharjo", "Santoso", "Saputro", "Setiawan", "Subroto", "Sutrisno", "Utomo", "Wibowo",
            "Widodo", "Wijaya", "Yulianto", "Hartono", "Susilo", "Pamungkas"};
    static final String[] FEMALE_SECOND = {"Ayu", "Dewi", "Handayani", "Indah", "Kusumawati", "Lestari", "Listyowati",
            "Ningrum", "Puspita", "Rahayu", "Retno", "Sari", "Setyaningsih", "Utami", "Wahyuni", "Widyastuti", "Wulandari",
            "Yuliani", "Rahmawati", "Pertiwi"};
    static final String[] BIRTH_ORDER = {"Eko", "Dwi", "Tri", "Catur"};
    static final String[] STREET = {"Melati", "Mawar", "Kenanga", "Flamboyan", "Diponegoro", "Sudirman", "Kartini",
            "Pemuda", "Pahlawan", "Merdeka", "Veteran", "Anggrek", "Cempaka", "Sawo", "Nangka"};
    static final String[] OCCUPATION = {"Buruh harian lepas", "Petani", "Pedagang kecil", "Tidak bekerja",
            "Mengurus rumah tangga", "Buruh pabrik", "Nelayan", "Pengemudi ojek", "Buruh bangunan", "Penjahit"};
    static final String[] MARITAL = {"BELUM_KAWIN", "KAWIN", "KAWIN", "KAWIN", "CERAI_HIDUP", "CERAI_MATI"};
    static final String[] EDUCATION = {"TIDAK_SEKOLAH", "SD", "SD", "SD", "SMP", "SMP", "SMP", "SMA", "SMA", "DIPLOMA", "SARJANA"};
}

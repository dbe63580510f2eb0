package id.berdaya.training;

import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.training.attendance.AttendanceService;
import id.berdaya.training.attendance.AttendanceState;
import id.berdaya.training.attendance.AttendanceTap;
import id.berdaya.training.attendance.RecapWords;
import id.berdaya.training.attendance.TapsApplied;
import id.berdaya.training.event.CompletionRule;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.EventStatus;
import id.berdaya.training.event.NewEvent;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.event.TrainingSession;
import id.berdaya.training.signin.SignedSheet;
import id.berdaya.training.signin.SignedSheetService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The attendance sheet's taps applied idempotently (a replay after a dropped connection changes
 * nothing, the highest sequence wins), the signed sign-in sheet's upload, and the recap's PDF.
 */
@SpringBootTest(classes = TrainingTestApplication.class)
class AttendanceTapsTest {

    static final String PBG = "33.03";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @Autowired EventService events;
    @Autowired EnrolmentService enrolment;
    @Autowired AttendanceService attendance;
    @Autowired SignedSheetService signedSheets;
    @Autowired AuditService audit;
    @Autowired TrainingFixture fixture;
    @Autowired TestAccounts accounts;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    record Running(TrainingEvent event, List<TrainingSession> sessions, List<Participant> participants) {
    }

    /** A running event of Purbalingga with two sessions (the first given by {@code partnerId}) and {@code n} participants. */
    private Running running(int n, Long partnerId) {
        List<Long> people = fixture.verifiedPeople(PBG, n);
        TestAccounts.loginAs(accounts.ensure("uji.pel.op.pbg", Role.DISTRICT_OPERATOR, PBG));
        NewEvent ne = fixture.event(PBG, new CompletionRule(null, null));
        TrainingEvent e = events.create(ne);
        events.addSession(e.id(), TrainingFixture.session(ne, 0, partnerId));
        events.addSession(e.id(), TrainingFixture.session(ne, 1, null));
        events.changeStatus(e.id(), EventStatus.OPEN, events.get(e.id()).orElseThrow().version());
        List<Participant> ps = enrolment.enrol(e.id(), people);
        events.changeStatus(e.id(), EventStatus.RUNNING, events.get(e.id()).orElseThrow().version());
        return new Running(events.get(e.id()).orElseThrow(), events.sessions(e.id()), ps);
    }

    private long marksAudited(long sessionId) {
        return audit.history("TRAINING_SESSION", String.valueOf(sessionId), 100).stream()
                .map(AuditEntry::action).filter("TRAINING_ATTENDANCE_MARKED"::equals).count();
    }

    @Test
    void aReplayedTapChangesNothingAnOlderOneLosesAndTheHighestSequenceWins() {
        Running r = running(3, null);
        long session = r.sessions().getFirst().id();
        long a = r.participants().get(0).id();
        long b = r.participants().get(1).id();
        long c = r.participants().get(2).id();

        // taps made offline: a → late (10), b → present (10), then a → excused (11)
        List<AttendanceTap> queue = List.of(new AttendanceTap(a, AttendanceState.LATE, 10), new AttendanceTap(b, AttendanceState.PRESENT, 10),
                new AttendanceTap(a, AttendanceState.EXCUSED, 11));
        TapsApplied first = attendance.applyTaps(session, queue);
        assertThat(first.applied()).containsExactlyInAnyOrder(queue.get(1), queue.get(2));
        assertThat(first.superseded()).containsExactly(queue.get(0));
        assertThat(first.current()).containsEntry(a, queue.get(2)).containsEntry(b, queue.get(1));
        assertThat(attendance.sheet(session)).containsOnly(Map.entry(a, AttendanceState.EXCUSED), Map.entry(b, AttendanceState.PRESENT));
        assertThat(marksAudited(session)).isEqualTo(1);

        // the connection dropped before the answer came: the same queue again, in another order
        TapsApplied replay = attendance.applyTaps(session, List.of(queue.get(2), queue.get(0), queue.get(1)));
        assertThat(replay.applied()).isEmpty();
        assertThat(replay.superseded()).hasSize(3);
        assertThat(replay.current()).containsEntry(a, queue.get(2)).containsEntry(b, queue.get(1));
        assertThat(attendance.sheet(session)).containsOnly(Map.entry(a, AttendanceState.EXCUSED), Map.entry(b, AttendanceState.PRESENT));
        assertThat(marksAudited(session)).as("a replay is not audited again").isEqualTo(1);

        // a late tap from before (another tablet's, sequence 9) does not undo a newer one; a newer one wins
        assertThat(attendance.applyTaps(session, List.of(new AttendanceTap(a, AttendanceState.ABSENT, 9))).applied()).isEmpty();
        assertThat(attendance.sheet(session)).containsEntry(a, AttendanceState.EXCUSED);
        assertThat(attendance.applyTaps(session, List.of(new AttendanceTap(a, AttendanceState.ABSENT, 12), new AttendanceTap(c,
                AttendanceState.LATE, 1))).applied()).hasSize(2);
        assertThat(attendance.sheet(session)).containsEntry(a, AttendanceState.ABSENT).containsEntry(c, AttendanceState.LATE);
        assertThat(attendance.marks(session).get(a).seq()).isEqualTo(12);

        // a mark made on the server ("all present" elsewhere) takes the server's clock: an old tap stays behind it
        attendance.markEveryone(session, AttendanceState.PRESENT);
        long serverSeq = attendance.marks(session).get(a).seq();
        assertThat(serverSeq).isGreaterThan(12);
        assertThat(attendance.applyTaps(session, List.of(new AttendanceTap(a, AttendanceState.LATE, 13))).applied()).isEmpty();
        assertThat(attendance.applyTaps(session, List.of(new AttendanceTap(a, AttendanceState.LATE, serverSeq + 1))).applied()).hasSize(1);
        assertThat(attendance.sheet(session)).containsEntry(a, AttendanceState.LATE).containsEntry(b, AttendanceState.PRESENT);
    }

    @Test
    void tapsForSomeoneNotEnrolledAreAnsweredAndAnotherAgencysSessionOrAClosedEventRefuseThem() {
        TrainingFixture.AgencyAccount agency = fixture.agencyWithAccount("Polsek Uji Ketukan", PBG);
        Running r = running(2, agency.partner().id());
        long mine = r.sessions().get(0).id();
        long other = r.sessions().get(1).id();
        long a = r.participants().get(0).id();

        TestAccounts.loginAs(agency.user());
        TapsApplied answer = attendance.applyTaps(mine, List.of(new AttendanceTap(a, AttendanceState.PRESENT, 5),
                new AttendanceTap(-1, AttendanceState.PRESENT, 5)));
        assertThat(answer.applied()).containsExactly(new AttendanceTap(a, AttendanceState.PRESENT, 5));
        assertThat(answer.superseded()).containsExactly(new AttendanceTap(-1, AttendanceState.PRESENT, 5));
        assertThatThrownBy(() -> attendance.applyTaps(other, List.of(new AttendanceTap(a, AttendanceState.PRESENT, 6))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("error.notFound");

        TestAccounts.loginAs(accounts.ensure("uji.pel.head." + PBG, Role.DISTRICT_HEAD, PBG));
        events.close(r.event().id(), events.get(r.event().id()).orElseThrow().version());
        assertThatThrownBy(() -> attendance.applyTaps(mine, List.of(new AttendanceTap(a, AttendanceState.ABSENT, 7))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("training.attendance.frozen");
        assertThat(attendance.sheet(mine)).containsEntry(a, AttendanceState.PRESENT);
    }

    @Test
    void theSignedSheetIsCheckedByContentAndSizeStoredAuditedAndReadOnlyWhereTheSessionIsVisible() {
        TrainingFixture.AgencyAccount agency = fixture.agencyWithAccount("Kemenag Uji Pindai", PBG);
        Running r = running(1, agency.partner().id());
        long mine = r.sessions().get(0).id();
        long other = r.sessions().get(1).id();

        TestAccounts.loginAs(agency.user());
        assertThat(signedSheets.mayUpload(mine)).isTrue();
        assertThat(signedSheets.mayUpload(other)).isFalse();
        assertThatThrownBy(() -> signedSheets.upload(mine, "daftar.png", "bukan gambar".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("training.signedSheet.wrongType");
        byte[] tooLarge = Arrays.copyOf(PNG, SignedSheetService.MAX_BYTES + 1);
        assertThatThrownBy(() -> signedSheets.upload(mine, "daftar.png", tooLarge))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("training.signedSheet.tooLarge");
        assertThatThrownBy(() -> signedSheets.upload(other, "daftar.png", PNG))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("error.notFound");
        // a PNG named as a PDF, with a path: stored as PNG by its content, under a clean name
        SignedSheet stored = signedSheets.upload(mine, "C:\\scans\\daftar hadir 1.pdf", PNG);
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(stored.fileName()).isEqualTo("daftar hadir 1.png");
        assertThat(signedSheets.list(mine)).extracting(SignedSheet::id).containsExactly(stored.id());
        assertThat(signedSheets.download(stored.id()).content()).isEqualTo(PNG);
        assertThat(audit.history("TRAINING_SESSION", String.valueOf(mine), 20)).extracting(AuditEntry::action)
                .contains("TRAINING_SIGNED_SHEET_UPLOADED", "TRAINING_SIGNED_SHEET_DOWNLOADED");

        // another district's operator: nothing to list, "not found" to download
        TestAccounts.loginAs(accounts.ensure("uji.pel.op.pkl", Role.DISTRICT_OPERATOR, "33.26"));
        assertThat(signedSheets.list(mine)).isEmpty();
        assertThatThrownBy(() -> signedSheets.download(stored.id())).isInstanceOf(RuleViolation.class).hasMessageContaining("error.notFound");
        // a province administrator reads but uploads nothing
        BerdayaUser admin = accounts.ensure("uji.pel.admin", Role.PROVINCE_ADMIN, null);
        TestAccounts.loginAs(admin);
        assertThat(signedSheets.mayUpload(mine)).isFalse();
        assertThatThrownBy(() -> signedSheets.upload(mine, "x.png", PNG)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theRecapPdfShowsEachPersonAcrossSessionsWithTheShare() throws Exception {
        Running r = running(2, null);
        List<TrainingSession> s = r.sessions();
        Participant a = r.participants().get(0);
        Participant b = r.participants().get(1);
        attendance.markEveryone(s.get(0).id(), AttendanceState.PRESENT);
        attendance.mark(s.get(1).id(), a.id(), AttendanceState.EXCUSED);
        attendance.mark(s.get(1).id(), b.id(), AttendanceState.LATE);

        RecapWords words = new RecapWords("Rekap Kehadiran", "Nama", "Kehadiran", Map.of(AttendanceState.PRESENT, "H",
                AttendanceState.LATE, "T", AttendanceState.EXCUSED, "I", AttendanceState.ABSENT, "A"), "H = hadir, T = terlambat, I = izin, A = tidak hadir");
        try (var pdf = Loader.loadPDF(attendance.recapPdf(r.event().id(), words))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Rekap Kehadiran", "Pelatihan Kewirausahaan Uji", "H = hadir", "Nama", "Kehadiran");
            List<String> lines = text.lines().toList();
            assertThat(lines).anySatisfy(l -> assertThat(l).contains(a.fullName()).contains("H I").endsWith("50.0 %"));
            assertThat(lines).anySatisfy(l -> assertThat(l).contains(b.fullName()).contains("H T").endsWith("100.0 %"));
        }
        assertThat(audit.history("TRAINING_EVENT", String.valueOf(r.event().id()), 20)).extracting(AuditEntry::action)
                .contains("TRAINING_ATTENDANCE_EXPORTED");
        TestAccounts.loginAs(fixture.agencyWithAccount("Dinkes Uji Rekap", PBG).user());
        assertThatThrownBy(() -> attendance.recapPdf(r.event().id(), words)).isInstanceOf(AccessDeniedException.class);
    }
}

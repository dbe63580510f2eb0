package id.berdaya.training;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.beneficiary.BeneficiaryStatus;
import id.berdaya.training.attendance.AttendanceRecap;
import id.berdaya.training.attendance.AttendanceService;
import id.berdaya.training.attendance.AttendanceState;
import id.berdaya.training.attendance.CompletedTraining;
import id.berdaya.training.attendance.ParticipantResult;
import id.berdaya.training.attendance.ResultStatus;
import id.berdaya.training.certificate.Certificate;
import id.berdaya.training.certificate.CertificateCheck;
import id.berdaya.training.certificate.CertificateService;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.event.CompletionRule;
import id.berdaya.training.event.EventFilter;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.EventStatus;
import id.berdaya.training.event.NewEvent;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.event.TrainingSession;
import id.berdaya.training.partner.Partner;
import id.berdaya.training.partner.PartnerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = TrainingTestApplication.class)
class TrainingServiceTest {

    static final String PBG = "33.03";
    static final String PKL = "33.26";

    @Autowired EventService events;
    @Autowired EnrolmentService enrolment;
    @Autowired AttendanceService attendance;
    @Autowired CertificateService certificates;
    @Autowired PartnerService partners;
    @Autowired BeneficiaryService register;
    @Autowired AuditService audit;
    @Autowired TrainingFixture fixture;
    @Autowired TestAccounts accounts;

    BerdayaUser operator;
    BerdayaUser head;
    BerdayaUser field;
    BerdayaUser operatorPkl;
    BerdayaUser headPkl;
    BerdayaUser officer;
    BerdayaUser admin;

    @BeforeEach
    void users() {
        operator = accounts.ensure("uji.pel.op.pbg", Role.DISTRICT_OPERATOR, PBG);
        head = accounts.ensure("uji.pel.head." + PBG, Role.DISTRICT_HEAD, PBG);
        field = accounts.ensure("uji.pel.field.pbg", Role.FIELD_OFFICER, PBG);
        operatorPkl = accounts.ensure("uji.pel.op.pkl", Role.DISTRICT_OPERATOR, PKL);
        headPkl = accounts.ensure("uji.pel.head." + PKL, Role.DISTRICT_HEAD, PKL);
        officer = accounts.ensure("uji.pel.verif", Role.PROVINCE_OFFICER, null);
        admin = accounts.ensure("uji.pel.admin", Role.PROVINCE_ADMIN, null);
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    private static List<String> keys(RuleViolation v) {
        return v.problems().stream().map(RuleViolation.Problem::key).toList();
    }

    private static List<String> keysOf(Runnable r) {
        try {
            r.run();
        } catch (RuleViolation v) {
            return keys(v);
        }
        throw new AssertionError("expected a RuleViolation");
    }

    /** An event of the operator's district with {@code sessions} sessions, open for enrolment. */
    private TrainingEvent openEvent(NewEvent n, int sessions, Long partnerId) {
        TestAccounts.loginAs(operator);
        TrainingEvent e = events.create(n);
        for (int day = 0; day < sessions; day++) {
            events.addSession(e.id(), TrainingFixture.session(n, day % 5, day == 0 ? partnerId : null));
        }
        events.changeStatus(e.id(), EventStatus.OPEN, e.version());
        return events.get(e.id()).orElseThrow();
    }

    private TrainingEvent start(long eventId) {
        TestAccounts.loginAs(operator);
        events.changeStatus(eventId, EventStatus.RUNNING, events.get(eventId).orElseThrow().version());
        return events.get(eventId).orElseThrow();
    }

    private Partner partner(String name, String kabkota) {
        TestAccounts.loginAs(officer);
        return partners.create(TrainingFixture.partner(name + " " + System.nanoTime(), kabkota));
    }

    private BerdayaUser partnerUser(Partner p) {
        BerdayaUser u = accounts.fresh("uji.pel.mitra", Role.PARTNER, PBG);
        TestAccounts.loginAs(admin);
        partners.assignUser(u.id(), p.id());
        TestAccounts.logout();
        return u;
    }

    // ---- enrolment

    @Test
    void enrolmentRefusesAnUnverifiedPersonAnotherDistrictAndOverlappingDates() {
        List<Long> verified = fixture.verifiedPeople(PBG, 2);
        List<Long> unverified = fixture.registeredPeople(PBG, 1);
        List<Long> elsewhere = fixture.verifiedPeople(PKL, 1);
        NewEvent first = fixture.event(PBG, null);
        TrainingEvent e = openEvent(first, 2, null);

        assertThat(keysOf(() -> enrolment.enrol(e.id(), List.of(verified.getFirst(), unverified.getFirst()))))
                .containsExactly("registry.programme.notVerified");
        // a district operator cannot even see another district's person
        assertThat(keysOf(() -> enrolment.enrol(e.id(), List.of(elsewhere.getFirst())))).containsExactly("registry.programme.notFound");
        // a provincial officer sees them, and is refused because the event is in another district
        TestAccounts.loginAs(officer);
        assertThat(keysOf(() -> enrolment.enrol(e.id(), List.of(elsewhere.getFirst())))).containsExactly("registry.programme.otherDistrict");
        assertThat(enrolment.participants(e.id())).isEmpty();

        TestAccounts.loginAs(operator);
        enrolment.enrol(e.id(), List.of(verified.getFirst()));
        TrainingEvent overlapping = openEvent(TrainingFixture.sameDates(fixture.event(PBG, null), first), 1, null);
        assertThat(keysOf(() -> enrolment.enrol(overlapping.id(), verified))).containsExactly("training.enrol.overlap");
        // nobody of the refused batch was enrolled, the other person may be
        assertThat(enrolment.participants(overlapping.id())).isEmpty();
        enrolment.enrol(overlapping.id(), List.of(verified.get(1)));
        assertThat(enrolment.participants(overlapping.id())).hasSize(1);
    }

    @Test
    void enrolmentInBulkMakesPeopleActiveInProgrammeAndWithdrawalNeedsAReason() {
        List<Long> people = fixture.verifiedPeople(PBG, 3);
        TrainingEvent e = openEvent(fixture.event(PBG, null), 1, null);
        List<Participant> enrolled = enrolment.enrol(e.id(), people);
        assertThat(enrolled).hasSize(3).allSatisfy(p -> assertThat(p.beneficiaryId()).isIn(people));
        for (long id : people) {
            assertThat(register.get(id).orElseThrow().status()).isEqualTo(BeneficiaryStatus.ACTIVE);
        }
        assertThat(keysOf(() -> enrolment.enrol(e.id(), List.of(people.getFirst())))).containsExactly("training.enrol.already");

        Participant p = enrolled.getFirst();
        assertThat(keysOf(() -> enrolment.withdraw(p.id(), " ", p.version()))).containsExactly("training.withdraw.reasonRequired");
        enrolment.withdraw(p.id(), "Pindah kerja ke luar kota", p.version());
        assertThat(events.get(e.id()).orElseThrow().enrolled()).isEqualTo(2);
        // an already active person may be enrolled again after withdrawing
        enrolment.enrol(e.id(), List.of(p.beneficiaryId()));
        assertThat(events.get(e.id()).orElseThrow().enrolled()).isEqualTo(3);
    }

    @Test
    void concurrentEnrolmentsNeverPassTheQuota() throws Exception {
        List<Long> people = fixture.verifiedPeople(PBG, 20);
        NewEvent n = fixture.event(PBG, null);
        TrainingEvent e = openEvent(new NewEvent(n.kabkotaCode(), n.budgetYear(), n.internalTitle(), n.publicTitle(), n.kind(), n.venue(),
                n.startDate(), n.endDate(), n.targetCategories(), 10, n.rule(), n.signatoryName(), n.signatoryPosition()), 1, null);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<String>> tries = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            List<Long> two = people.subList(2 * i, 2 * i + 2);
            tries.add(pool.submit(() -> {
                TestAccounts.loginAs(operator);
                try {
                    go.await();
                    enrolment.enrol(e.id(), two);
                    return "enrolled";
                } catch (RuleViolation v) {
                    return String.join(",", keys(v));
                } finally {
                    TestAccounts.logout();
                }
            }));
        }
        go.countDown();
        List<String> outcomes = new java.util.ArrayList<>();
        for (var t : tries) {
            outcomes.add(t.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        // ten pairs against a quota of ten: exactly five get in, the other five are told the quota is full
        assertThat(outcomes).filteredOn("enrolled"::equals).hasSize(5);
        assertThat(outcomes).filteredOn(o -> !o.equals("enrolled")).containsOnly("training.enrol.quota");
        TestAccounts.loginAs(operator);
        assertThat(events.get(e.id()).orElseThrow().enrolled()).isEqualTo(10);
        assertThat(enrolment.participants(e.id())).hasSize(10);
    }

    @Test
    void theStatusMachineAndTheQuotaHold() {
        List<Long> people = fixture.verifiedPeople(PBG, 3);
        NewEvent n = fixture.event(PBG, null);
        TestAccounts.loginAs(operator);
        TrainingEvent planned = events.create(new NewEvent(n.kabkotaCode(), n.budgetYear(), n.internalTitle(), n.publicTitle(),
                n.kind(), n.venue(), n.startDate(), n.endDate(), n.targetCategories(), 2, n.rule(), null, null));
        assertThat(planned.status()).isEqualTo(EventStatus.PLANNED);
        assertThat(keysOf(() -> events.changeStatus(planned.id(), EventStatus.RUNNING, planned.version())))
                .containsExactly("training.event.statusNotAllowed");
        assertThat(keysOf(() -> events.changeStatus(planned.id(), EventStatus.CLOSED, planned.version())))
                .containsExactly("training.event.statusNotAllowed");
        assertThat(keysOf(() -> enrolment.enrol(planned.id(), people))).containsExactly("training.enrol.notOpen");
        events.changeStatus(planned.id(), EventStatus.OPEN, planned.version());
        assertThat(keysOf(() -> events.changeStatus(planned.id(), EventStatus.RUNNING, planned.version())))
                .containsExactly("error.concurrentChange");
        assertThat(keysOf(() -> enrolment.enrol(planned.id(), people))).containsExactly("training.enrol.quota");
        enrolment.enrol(planned.id(), people.subList(0, 2));
        TrainingEvent open = events.get(planned.id()).orElseThrow();
        assertThat(keysOf(() -> events.update(open.id(), TrainingFixture.sameDates(fixture.event(PBG, null), fixture.event(PBG, null)),
                open.version()))).containsExactly("training.event.datesFixed");
        events.changeStatus(open.id(), EventStatus.CANCELLED, open.version());
        assertThat(keysOf(() -> events.changeStatus(open.id(), EventStatus.OPEN, open.version() + 1)))
                .containsExactly("training.event.statusNotAllowed");
    }

    @Test
    void partnerAgenciesKeepTheirSignedMouAndTakeOnlyPartnerAccountsOfTheirReach() {
        TestAccounts.loginAs(operator);
        assertThatThrownBy(() -> partners.create(TrainingFixture.partner("Dinkes Uji", PBG))).isInstanceOf(AccessDeniedException.class);
        Partner p = partner("Dinkes Uji", PBG);
        assertThat(keysOf(() -> partners.create(TrainingFixture.partner(p.name(), null)))).containsExactly("training.partner.nameTaken");
        assertThat(keysOf(() -> partners.uploadMou(p.id(), "mou.pdf", "bukan pdf".getBytes()))).containsExactly("training.partner.mouNotPdf");
        byte[] pdf = "%PDF-1.4\n% MoU uji sintetis\n%%EOF\n".getBytes();
        Partner withMou = partners.uploadMou(p.id(), "../MoU Dinkes.pdf", pdf);
        assertThat(withMou.mouFileName()).isEqualTo("MoU Dinkes.pdf");
        assertThat(withMou.mouSha256()).hasSize(64);
        assertThat(partners.downloadMou(p.id()).content()).isEqualTo(pdf);
        assertThat(audit.history("PARTNER", String.valueOf(p.id()), 10)).extracting(AuditEntry::action)
                .contains("PARTNER_CREATED", "PARTNER_MOU_UPLOADED", "PARTNER_MOU_DOWNLOADED");

        BerdayaUser staff = accounts.fresh("uji.pel.bukanmitra", Role.FIELD_OFFICER, PBG);
        BerdayaUser elsewhere = accounts.fresh("uji.pel.mitra.pkl", Role.PARTNER, PKL);
        TestAccounts.loginAs(admin);
        assertThat(keysOf(() -> partners.assignUser(staff.id(), p.id()))).containsExactly("training.partner.userNotPartner");
        assertThat(keysOf(() -> partners.assignUser(elsewhere.id(), p.id()))).containsExactly("training.partner.userOtherDistrict");
        BerdayaUser mine = partnerUser(p);
        Partner another = partner("Dinsos Uji", null);
        TestAccounts.loginAs(admin);
        assertThat(partners.partnerOfUser(mine.id())).contains(p.id());
        TestAccounts.loginAs(mine);
        assertThat(partners.get(p.id())).isPresent();
        assertThat(partners.get(another.id())).isEmpty();
        assertThatThrownBy(() -> partners.list()).isInstanceOf(AccessDeniedException.class);
    }

    // ---- completion

    @Test
    void completionAtTheBoundaries() {
        CompletionRule rule = CompletionRule.DEFAULT;
        BigDecimal pass = new BigDecimal("75");
        CompletionRule.Judgement below = rule.judge(799, 1000, pass);
        assertThat(below.attendancePct()).isEqualByComparingTo("79.9");
        assertThat(below.completed()).isFalse();
        assertThat(below.reasons()).containsExactly(CompletionRule.ATTENDANCE_LOW);
        CompletionRule.Judgement at = rule.judge(800, 1000, pass);
        assertThat(at.attendancePct()).isEqualByComparingTo("80.0");
        assertThat(at.completed()).isTrue();
        // 79.96 % is shown as 79.9 and still fails: compared exactly, never after rounding
        assertThat(rule.judge(7996, 10000, pass).completed()).isFalse();
        assertThat(rule.judge(1000, 1000, null).reasons()).containsExactly(CompletionRule.POST_TEST_MISSING);
        assertThat(rule.judge(1000, 1000, new BigDecimal("59.99")).reasons()).containsExactly(CompletionRule.POST_TEST_LOW);
        assertThat(rule.judge(1000, 1000, new BigDecimal("60")).completed()).isTrue();
        // either part can be switched off
        assertThat(new CompletionRule(null, new BigDecimal("60")).judge(0, 5, new BigDecimal("60")).completed()).isTrue();
        assertThat(new CompletionRule(new BigDecimal("80"), null).judge(4, 5, null).completed()).isTrue();
    }

    @Test
    void twoEventsOfOneDistrictClosedAtOnceNumberTheirCertificatesOneAfterTheOther() throws Exception {
        int year = 2031; // no other test issues certificates of this year: both closings take the year's first numbers
        List<TrainingEvent> running = new java.util.ArrayList<>();
        for (int k = 0; k < 2; k++) {
            List<Long> people = fixture.verifiedPeople(PBG, 3);
            NewEvent n = fixture.event(PBG, null);
            TrainingEvent e = openEvent(new NewEvent(n.kabkotaCode(), year, n.internalTitle(), n.publicTitle(), n.kind(), n.venue(),
                    n.startDate(), n.endDate(), n.targetCategories(), n.quota(), n.rule(), n.signatoryName(), n.signatoryPosition()), 1, null);
            List<Participant> ps = enrolment.enrol(e.id(), people);
            start(e.id());
            attendance.markEveryone(events.sessions(e.id()).getFirst().id(), AttendanceState.PRESENT);
            for (Participant p : ps) {
                attendance.recordScores(p.id(), new BigDecimal("50"), new BigDecimal("80"));
            }
            running.add(events.get(e.id()).orElseThrow());
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> closings = new java.util.ArrayList<>();
        for (TrainingEvent e : running) {
            closings.add(pool.submit(() -> {
                TestAccounts.loginAs(head);
                try {
                    go.await();
                    events.close(e.id(), e.version());
                    return null;
                } finally {
                    TestAccounts.logout();
                }
            }));
        }
        go.countDown();
        for (var c : closings) {
            c.get(60, java.util.concurrent.TimeUnit.SECONDS); // a deadlock between the two closings fails here
        }
        pool.shutdown();
        TestAccounts.loginAs(head);
        List<String> numbers = running.stream().flatMap(e -> certificates.ofEvent(e.id()).stream()).map(Certificate::number).sorted().toList();
        assertThat(numbers).containsExactly("001/PLT-3303/2031", "002/PLT-3303/2031", "003/PLT-3303/2031", "004/PLT-3303/2031",
                "005/PLT-3303/2031", "006/PLT-3303/2031");
    }

    @Test
    void closingComputesResultsIssuesCertificatesAndFreezesTheRecord() {
        List<Long> people = fixture.verifiedPeople(PBG, 3);
        TrainingEvent e = openEvent(fixture.event(PBG, null), 5, null);
        List<Participant> ps = enrolment.enrol(e.id(), people);
        start(e.id());
        List<TrainingSession> sessions = events.sessions(e.id());
        Participant fourOfFive = ps.get(0);
        Participant threeOfFive = ps.get(1);
        Participant noPostTest = ps.get(2);
        TestAccounts.loginAs(field); // a field officer marks attendance in their district
        for (TrainingSession s : sessions) {
            attendance.markEveryone(s.id(), AttendanceState.PRESENT);
        }
        attendance.mark(sessions.get(4).id(), fourOfFive.id(), AttendanceState.ABSENT);
        attendance.markAll(sessions.get(3).id(), Map.of(threeOfFive.id(), AttendanceState.EXCUSED));
        attendance.mark(sessions.get(4).id(), threeOfFive.id(), AttendanceState.ABSENT);
        attendance.mark(sessions.get(2).id(), noPostTest.id(), AttendanceState.LATE);
        TestAccounts.loginAs(operator);
        attendance.recordScores(fourOfFive.id(), new BigDecimal("40"), new BigDecimal("80"));
        attendance.recordScores(threeOfFive.id(), new BigDecimal("40"), new BigDecimal("90"));
        attendance.recordScores(noPostTest.id(), new BigDecimal("55"), null);
        assertThat(keysOf(() -> attendance.recordScores(noPostTest.id(), null, new BigDecimal("101")))).containsExactly("training.score.range");

        // an operator may not close; the head of the district may
        assertThatThrownBy(() -> events.close(e.id(), events.get(e.id()).orElseThrow().version()))
                .isInstanceOf(AccessDeniedException.class);
        TestAccounts.loginAs(head);
        events.close(e.id(), events.get(e.id()).orElseThrow().version());

        Map<Long, ParticipantResult> results = attendance.results(e.id());
        assertThat(results.get(fourOfFive.id()).result()).isEqualTo(ResultStatus.COMPLETED);
        assertThat(results.get(fourOfFive.id()).attendancePct()).isEqualByComparingTo("80.0");
        assertThat(results.get(threeOfFive.id()).result()).isEqualTo(ResultStatus.NOT_COMPLETED);
        assertThat(results.get(threeOfFive.id()).reasons()).containsExactly(CompletionRule.ATTENDANCE_LOW);
        assertThat(results.get(threeOfFive.id()).attendancePct()).isEqualByComparingTo("60.0");
        assertThat(results.get(noPostTest.id()).reasons()).containsExactly(CompletionRule.POST_TEST_MISSING);
        List<Certificate> issued = certificates.ofEvent(e.id());
        assertThat(issued).singleElement().satisfies(c -> {
            assertThat(c.participantId()).isEqualTo(fourOfFive.id());
            assertThat(c.number()).matches("\\d{3}/PLT-3303/2026");
            assertThat(c.code()).matches("[A-Za-z0-9_-]{24}");
            assertThat(c.issuerName()).isEqualTo("Kabupaten Purbalingga");
        });
        assertThat(attendance.completedTrainings(fourOfFive.beneficiaryId()))
                .containsExactly(new CompletedTraining(e.id(), fourOfFive.id(), e.endDate()));
        assertThat(attendance.completedTrainings(threeOfFive.beneficiaryId())).isEmpty();
        assertThat(enrolment.participations(fourOfFive.beneficiaryId())).singleElement().satisfies(x -> {
            assertThat(x.event().id()).isEqualTo(e.id());
            assertThat(x.participant().id()).isEqualTo(fourOfFive.id());
        });
        assertThat(certificates.ofParticipant(fourOfFive.id())).extracting(Certificate::id).containsExactly(issued.getFirst().id());
        assertThat(certificates.ofParticipant(threeOfFive.id())).isEmpty();
        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        assertThat(enrolment.exportParticipants(e.id(), new XlsxSheet("Peserta", List.of("Nama", "Status", "Alasan")), Map.of(), xlsx)).isEqualTo(3);
        assertThat(xlsx.size()).isPositive();

        // frozen: no attendance, no scores, no enrolment, no session
        TestAccounts.loginAs(operator);
        assertThat(keysOf(() -> attendance.mark(sessions.getFirst().id(), threeOfFive.id(), AttendanceState.PRESENT)))
                .containsExactly("training.attendance.frozen");
        assertThat(keysOf(() -> attendance.recordScores(noPostTest.id(), null, new BigDecimal("90"))))
                .containsExactly("training.attendance.frozen");
        assertThat(keysOf(() -> events.addSession(e.id(), TrainingFixture.session(fixture.event(PBG, null), 0, null))))
                .containsExactly("training.event.frozen");
        assertThat(attendance.sheet(sessions.get(4).id())).containsEntry(threeOfFive.id(), AttendanceState.ABSENT);
    }

    @Test
    void reopeningIsProvincialNeedsAReasonIsAuditedAndReclosingRevokesWhatNoLongerHolds() {
        List<Long> people = fixture.verifiedPeople(PBG, 1);
        TrainingEvent e = openEvent(fixture.event(PBG, new CompletionRule(null, new BigDecimal("60"))), 1, null);
        Participant p = enrolment.enrol(e.id(), people).getFirst();
        start(e.id());
        attendance.recordScores(p.id(), null, new BigDecimal("70"));
        TestAccounts.loginAs(officer);
        events.close(e.id(), events.get(e.id()).orElseThrow().version());
        Certificate c = certificates.ofEvent(e.id()).getFirst();

        TestAccounts.loginAs(head);
        assertThatThrownBy(() -> events.reopen(e.id(), "Salah input nilai", events.get(e.id()).orElseThrow().version()))
                .isInstanceOf(AccessDeniedException.class);
        TestAccounts.loginAs(officer);
        int version = events.get(e.id()).orElseThrow().version();
        assertThat(keysOf(() -> events.reopen(e.id(), "", version))).containsExactly("training.event.reasonRequired");
        events.reopen(e.id(), "Salah input nilai post-test", version);
        assertThat(events.get(e.id()).orElseThrow().status()).isEqualTo(EventStatus.RUNNING);
        List<AuditEntry> history = audit.history("TRAINING_EVENT", String.valueOf(e.id()), 20);
        assertThat(history).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("TRAINING_EVENT_REOPENED");
            assertThat(a.username()).isEqualTo(officer.getUsername());
            assertThat(a.newValue()).contains("Salah input nilai post-test");
        });
        assertThat(attendance.results(e.id()).get(p.id()).result()).isNull();

        // corrected score: the participant no longer passes, and the certificate is revoked at the next close
        attendance.recordScores(p.id(), null, new BigDecimal("50"));
        events.close(e.id(), events.get(e.id()).orElseThrow().version());
        assertThat(certificates.ofEvent(e.id())).singleElement().satisfies(x -> assertThat(x.valid()).isFalse());
        assertThat(certificates.verify(c.code(), "192.0.2.10")).get().satisfies(x -> assertThat(x.valid()).isFalse());
    }

    @Test
    void theAttendanceRecapShowsEachPersonAcrossSessionsAndTheSignInSheetListsTheNames() throws Exception {
        Partner mine = partner("Puskesmas Uji", PBG);
        BerdayaUser partnerUser = partnerUser(mine);
        List<Long> people = fixture.verifiedPeople(PBG, 2);
        TrainingEvent e = openEvent(fixture.event(PBG, null), 2, mine.id());
        List<Participant> ps = enrolment.enrol(e.id(), people);
        start(e.id());
        List<TrainingSession> sessions = events.sessions(e.id());
        attendance.markEveryone(sessions.get(0).id(), AttendanceState.PRESENT);
        attendance.mark(sessions.get(0).id(), ps.get(1).id(), AttendanceState.LATE);
        attendance.mark(sessions.get(1).id(), ps.get(0).id(), AttendanceState.ABSENT);

        AttendanceRecap recap = attendance.recap(e.id());
        assertThat(recap.sessions()).extracting(TrainingSession::id).containsExactly(sessions.get(0).id(), sessions.get(1).id());
        assertThat(recap.rows()).hasSize(2);
        assertThat(recap.rows().get(0).participant().id()).isEqualTo(ps.get(0).id());
        assertThat(recap.rows().get(0).states()).containsExactly(AttendanceState.PRESENT, AttendanceState.ABSENT);
        assertThat(recap.rows().get(0).attendedPct()).isEqualByComparingTo("50.0");
        assertThat(recap.rows().get(1).states()).containsExactly(AttendanceState.LATE, null);
        assertThat(recap.rows().get(1).attendedPct()).isEqualByComparingTo("50.0");

        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        assertThat(attendance.exportRecap(e.id(), new XlsxSheet("Rekap Kehadiran Uji", List.of("Nama", "Kehadiran (%)")),
                Map.of(AttendanceState.PRESENT, "Hadir", AttendanceState.LATE, "Terlambat", AttendanceState.ABSENT, "Tidak hadir"), xlsx))
                .isEqualTo(2);
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx.toByteArray()));
             var rows = wb.getFirstSheet().openStream()) {
            List<List<String>> cells = rows.map(r -> r.stream().map(c -> c == null ? "" : c.getText()).toList()).toList();
            assertThat(wb.getFirstSheet().getName()).isEqualTo("Rekap Kehadiran Uji");
            assertThat(cells.get(0).getFirst()).isEqualTo("Nama");
            assertThat(cells.get(0).getLast()).isEqualTo("Kehadiran (%)");
            assertThat(cells.get(1)).startsWith(ps.get(0).fullName(), "Hadir", "Tidak hadir");
            assertThat(cells.get(2)).startsWith(ps.get(1).fullName(), "Terlambat");
        }

        TestAccounts.loginAs(partnerUser);
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(attendance.signInSheet(sessions.get(0).id()))) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf))
                    .contains("DAFTAR HADIR", "Tanda Tangan", ps.get(0).fullName(), ps.get(1).fullName(), "Pelatihan Kewirausahaan Uji");
        }
        assertThat(keysOf(() -> attendance.signInSheet(sessions.get(1).id()))).containsExactly("error.notFound");
        assertThatThrownBy(() -> attendance.recap(e.id())).isInstanceOf(AccessDeniedException.class);
    }

    // ---- partner scope

    @Test
    void aPartnerSeesOnlyItsSessionsAndNamesAndMarksOnlyItsOwnSessions() {
        Partner mine = partner("Polres Uji", PBG);
        Partner other = partner("Kemenag Uji", null);
        BerdayaUser partnerUser = partnerUser(mine);
        List<Long> people = fixture.verifiedPeople(PBG, 2);
        NewEvent n = fixture.event(PBG, null);
        TrainingEvent e = openEvent(n, 3, mine.id());
        TestAccounts.loginAs(operator);
        TrainingSession others = events.addSession(e.id(), TrainingFixture.session(n, 0, null));
        events.updateSession(others.id(), new id.berdaya.training.event.NewSession(e.startDate().plusDays(1),
                others.startTime(), others.endTime(), "Materi mitra lain", null, null, other.id(), null), others.version());
        enrolment.enrol(e.id(), people);
        start(e.id());
        TrainingEvent notMine = openEvent(fixture.event(PBG, null), 1, null);

        TestAccounts.loginAs(partnerUser);
        assertThat(events.list(EventFilter.ALL)).extracting(TrainingEvent::id).contains(e.id()).doesNotContain(notMine.id());
        TrainingEvent seen = events.get(e.id()).orElseThrow();
        assertThat(seen.internalTitle()).isNull();
        assertThat(seen.targetCategories()).isEmpty();
        assertThat(events.get(notMine.id())).isEmpty();
        List<TrainingSession> sessions = events.sessions(e.id());
        assertThat(sessions).singleElement().satisfies(s -> assertThat(s.partnerId()).isEqualTo(mine.id()));
        assertThat(events.mySchedule()).extracting(TrainingSession::id).containsExactly(sessions.getFirst().id());
        assertThat(events.session(others.id())).isEmpty();

        List<Participant> names = enrolment.participants(e.id());
        assertThat(names).hasSize(2).allSatisfy(p -> {
            assertThat(p.fullName()).startsWith("Peserta Uji");
            assertThat(p.beneficiaryId()).isNull();
        });
        // the record a partner gets has nothing of the register beyond the name
        assertThat(Arrays.stream(Participant.class.getRecordComponents()).map(RecordComponent::getName))
                .noneMatch(c -> c.matches("(?i).*(nik|category|address|street|phone|desa|notes).*"));

        attendance.markEveryone(sessions.getFirst().id(), AttendanceState.PRESENT);
        assertThat(attendance.sheet(sessions.getFirst().id())).hasSize(2);
        assertThat(keysOf(() -> attendance.mark(others.id(), names.getFirst().id(), AttendanceState.PRESENT)))
                .containsExactly("error.notFound");
        assertThat(keysOf(() -> attendance.sheet(others.id()))).containsExactly("error.notFound");
        // it never reaches the register, results or staff acts
        assertThatThrownBy(() -> register.get(people.getFirst())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attendance.results(e.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> enrolment.enrol(e.id(), people)).isInstanceOf(AccessDeniedException.class);
        assertThat(enrolment.participant(names.getFirst().id())).isEmpty();
    }

    // ---- certificates and the public check

    @Test
    void thePublicCheckShowsNoCategoryEvenWhenTheEventTargetsOneAndRevocationShows() {
        TrainingEvent e = fixture.closedEventWithCertificates(PBG, 1);
        assertThat(e.targetCategories()).containsExactly(10, 15);
        TestAccounts.loginAs(head);
        Certificate c = certificates.ofEvent(e.id()).getFirst();
        TestAccounts.logout();

        CertificateCheck check = certificates.verify(c.code(), "192.0.2.20").orElseThrow();
        assertThat(check.valid()).isTrue();
        assertThat(check.number()).isEqualTo(c.number());
        assertThat(check.holderName()).isEqualTo(c.holderName());
        assertThat(check.publicTitle()).isEqualTo("Pelatihan Kewirausahaan Uji");
        assertThat(check.issuer()).isEqualTo("Kabupaten Purbalingga");
        assertThat(check.toString()).doesNotContainIgnoringCase("sasaran").doesNotContain("Tuna Susila")
                .doesNotContain("BWBLP").doesNotContain("Pemasyarakatan");
        assertThat(Arrays.stream(CertificateCheck.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("valid", "number", "holderName", "publicTitle", "startDate", "endDate", "issuer");
        assertThat(certificates.verify(c.code().substring(1) + "A", "192.0.2.20")).isEmpty();

        TestAccounts.loginAs(head);
        assertThatThrownBy(() -> certificates.revoke(c.id(), "Data peserta keliru", c.version())).isInstanceOf(AccessDeniedException.class);
        TestAccounts.loginAs(officer);
        assertThat(keysOf(() -> certificates.revoke(c.id(), "", c.version()))).containsExactly("training.certificate.reasonRequired");
        certificates.revoke(c.id(), "Data peserta keliru", c.version());
        assertThat(audit.history("CERTIFICATE", String.valueOf(c.id()), 5)).anySatisfy(a -> assertThat(a.action()).isEqualTo("CERTIFICATE_REVOKED"));
        TestAccounts.logout();
        assertThat(certificates.verify(c.code(), "192.0.2.20")).get().satisfies(x -> {
            assertThat(x.valid()).isFalse();
            assertThat(x.number()).isEqualTo(c.number());
        });
    }

    @Test
    void thePublicCheckIsRateLimitedPerClientAddress() {
        for (int i = 0; i < 30; i++) {
            assertThat(certificates.verify("AAAAAAAAAAAAAAAAAAAAAAAA", "198.51.100.7")).isEmpty();
        }
        assertThat(keysOf(() -> certificates.verify("AAAAAAAAAAAAAAAAAAAAAAAA", "198.51.100.7"))).containsExactly("training.verify.tooMany");
        assertThat(certificates.verify("AAAAAAAAAAAAAAAAAAAAAAAA", "198.51.100.8")).isEmpty();
    }

    // ---- district scope

    @Test
    void everyReadAndWriteIsDeniedToAnotherDistrict() {
        List<Long> people = fixture.verifiedPeople(PBG, 1);
        TrainingEvent e = openEvent(fixture.event(PBG, new CompletionRule(null, null)), 1, null);
        Participant p = enrolment.enrol(e.id(), people).getFirst();
        start(e.id());
        TrainingSession s = events.sessions(e.id()).getFirst();
        TestAccounts.loginAs(head);
        events.close(e.id(), events.get(e.id()).orElseThrow().version());
        Certificate c = certificates.ofEvent(e.id()).getFirst();
        TrainingEvent running = openEvent(fixture.event(PBG, null), 1, null);

        assertThat(events.export(new EventFilter(null, PBG, null), new XlsxSheet("Pelatihan", List.of("Judul")), Map.of(), new java.io.ByteArrayOutputStream()))
                .isGreaterThanOrEqualTo(2);
        TestAccounts.loginAs(operatorPkl);
        assertThat(events.get(e.id())).isEmpty();
        assertThat(events.list(EventFilter.ALL)).extracting(TrainingEvent::id).doesNotContain(e.id(), running.id());
        assertThat(events.list(new EventFilter(null, PBG, null))).isEmpty();
        assertThat(events.export(new EventFilter(null, PBG, null), new XlsxSheet("Pelatihan", List.of("Judul")), Map.of(), new java.io.ByteArrayOutputStream()))
                .isZero();
        assertThat(events.sessions(e.id())).isEmpty();
        assertThat(events.session(s.id())).isEmpty();
        assertThat(enrolment.participants(e.id())).isEmpty();
        assertThat(enrolment.participant(p.id())).isEmpty();
        assertThat(attendance.completedTrainings(p.beneficiaryId())).isEmpty();
        assertThat(enrolment.participations(p.beneficiaryId())).isEmpty();
        assertThat(certificates.ofParticipant(p.id())).isEmpty();
        assertThat(keysOf(() -> enrolment.exportParticipants(e.id(), new XlsxSheet("Peserta", List.of("Nama")), Map.of(), new java.io.ByteArrayOutputStream())))
                .containsExactly("error.notFound");
        assertThat(keysOf(() -> attendance.results(e.id()))).containsExactly("error.notFound");
        assertThat(keysOf(() -> attendance.sheet(s.id()))).containsExactly("error.notFound");
        assertThat(keysOf(() -> certificates.ofEvent(e.id()))).containsExactly("error.notFound");
        assertThat(keysOf(() -> certificates.pdf(c.id()))).containsExactly("error.notFound");
        assertThat(keysOf(() -> certificates.eventPdf(e.id()))).containsExactly("error.notFound");
        assertThat(keysOf(() -> events.update(running.id(), fixture.event(PBG, null), running.version()))).containsExactly("error.notFound");
        assertThat(keysOf(() -> events.changeStatus(running.id(), EventStatus.RUNNING, running.version()))).containsExactly("error.notFound");
        assertThat(keysOf(() -> events.addSession(running.id(), TrainingFixture.session(fixture.event(PBG, null), 0, null))))
                .containsExactly("error.notFound");
        assertThat(keysOf(() -> enrolment.enrol(running.id(), people))).containsExactly("error.notFound");
        assertThat(keysOf(() -> enrolment.withdraw(p.id(), "Alasan apa saja", p.version()))).containsExactly("error.notFound");
        assertThat(keysOf(() -> attendance.mark(s.id(), p.id(), AttendanceState.PRESENT))).containsExactly("error.notFound");
        assertThat(keysOf(() -> attendance.recordScores(p.id(), null, BigDecimal.TEN))).containsExactly("error.notFound");
        // creating an event in another district is refused (and audited as a scope denial)
        assertThatThrownBy(() -> events.create(fixture.event(PBG, null))).isInstanceOf(AccessDeniedException.class);
        TestAccounts.loginAs(headPkl);
        assertThat(keysOf(() -> events.close(running.id(), running.version()))).containsExactly("error.notFound");
        // the probes were audited for both districts
        TestAccounts.loginAs(admin);
        assertThat(audit.history("TRAINING_EVENT", String.valueOf(e.id()), 50))
                .anySatisfy(a -> assertThat(a.action()).isEqualTo("SCOPE_DENIED"));
    }
}

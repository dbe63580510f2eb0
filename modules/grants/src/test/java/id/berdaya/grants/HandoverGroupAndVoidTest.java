package id.berdaya.grants;

import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.handover.Handover;
import id.berdaya.grants.handover.HandoverCheck;
import id.berdaya.grants.handover.HandoverPhoto;
import id.berdaya.grants.handover.NewGroupHandover;
import id.berdaya.grants.proposal.HistoryEntry;
import id.berdaya.grants.proposal.ItemLine;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import id.berdaya.grants.handover.HandoverVoided;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static id.berdaya.grants.ProposalServiceTest.keysOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Group handovers (one BAST per person, in one transaction, all or nothing) and the district head's void of a record. */
@RecordApplicationEvents
class HandoverGroupAndVoidTest extends HandoverTestSupport {

    @Autowired ApplicationEvents events;


    @Override
    String prefix() {
        return "uji.kelompok";
    }

    private static NewGroupHandover group(List<Proposal> members, int year) {
        return new NewGroupHandover(members.stream().map(p -> new NewGroupHandover.Member(p.id(), p.version())).toList(),
                LocalDate.of(year, 6, 9), "Pendopo Kecamatan Uji", "Budi Penyerah Uji", "Kepala Seksi Rehabilitasi Sosial",
                "Dinas Sosial Kabupaten Purbalingga", "Siti Saksi Uji", "Camat Uji", null, GrantsFixture.photos(1), false);
    }

    @Test
    void aGroupOfThreeGetsThreeConsecutiveNumbersTheSharedTermsAndTheGroupPhotoInEachSeal() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        List<Proposal> three = fixture.provinceApproved(c, PBG, 3, operator, head, officer);
        TestAccounts.loginAs(operator);
        assertThat(handovers.mayRecordGroup()).isTrue();

        NewGroupHandover.Outcome outcome = handovers.recordGroup(group(three, c.year()));
        assertThat(outcome.done()).isTrue();
        String code = PBG.replace(".", "");
        assertThat(outcome.recorded()).extracting(Handover::number).containsExactly("001/BAST-STIM/" + code + "/" + c.year(),
                "002/BAST-STIM/" + code + "/" + c.year(), "003/BAST-STIM/" + code + "/" + c.year());
        assertThat(outcome.recorded()).extracting(Handover::receiverName)
                .containsExactly(three.stream().map(Proposal::beneficiaryName).toArray(String[]::new));
        Long groupId = outcome.recorded().getFirst().groupId();
        assertThat(groupId).isNotNull();
        String photo = outcome.recorded().getFirst().photos().getFirst().sha256();
        for (Handover h : outcome.recorded()) {
            assertThat(h.groupId()).isEqualTo(groupId);
            assertThat(h.place()).isEqualTo("Pendopo Kecamatan Uji");
            assertThat(h.witnessPosition()).isEqualTo("Camat Uji");
            // the goods default to the approved quantities
            assertThat(h.items()).extracting(i -> i.quantity()).containsExactly(1, 4);
            assertThat(h.photos()).extracting(HandoverPhoto::sha256).containsExactly(photo);
            assertThat(h.photos().getFirst().groupPhoto()).isTrue();
            assertThat(h.seal()).isEqualTo(h.computeSeal()).isEqualTo(handovers.get(h.id()).orElseThrow().computeSeal());
            assertThat(h.content()).contains("photo|" + photo);
            assertThat(proposals.get(h.proposalId()).orElseThrow().state()).isEqualTo(ProposalState.HANDED_OVER);
        }
        assertThat(audited(GrantsEntity.GRANTS_HANDOVER_GROUP, groupId)).containsExactly("GRANTS_HANDOVER_GROUP_RECORDED");
        // one stored photo, shown with every record of the group
        assertThat(handovers.photo(outcome.recorded().get(2).photos().getFirst().id()).content()).isNotEmpty();
    }

    @Test
    void aGroupWithOneProposalNotApprovedByTheProvinceRecordsNothingAndSaysWhichAndWhy() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        List<Proposal> members = new ArrayList<>(fixture.provinceApproved(c, PBG, 2, operator, head, officer));
        long person = fixture.trainedPeople(PBG, 1).getFirst();
        TestAccounts.loginAs(operator);
        Proposal d = proposals.create(GrantsFixture.proposal(person, c.year(), List.of(new ItemLine(c.goat().id(), 1))));
        d = proposals.submit(d.id(), d.version());
        TestAccounts.loginAs(head);
        Proposal onlyDistrict = proposals.approve(d.id(), d.version());
        members.add(1, onlyDistrict);

        TestAccounts.loginAs(operator);
        NewGroupHandover.Outcome outcome = handovers.recordGroup(group(members, c.year()));
        assertThat(outcome.done()).isFalse();
        assertThat(outcome.recorded()).isEmpty();
        assertThat(outcome.failures()).singleElement().satisfies(f -> {
            assertThat(f.proposalId()).isEqualTo(onlyDistrict.id());
            assertThat(f.beneficiaryName()).isEqualTo(onlyDistrict.beneficiaryName());
            assertThat(f.key()).isEqualTo("grants.handover.notAllowed");
        });
        for (Proposal p : members) {
            assertThat(handovers.ofProposal(p.id())).isEmpty();
        }
        assertThat(proposals.get(members.get(0).id()).orElseThrow().state()).isEqualTo(ProposalState.PROVINCE_APPROVED);
        assertThat(proposals.get(members.get(2).id()).orElseThrow().state()).isEqualTo(ProposalState.PROVINCE_APPROVED);

        // no number was taken: the two approved ones, as a group, start at 001
        NewGroupHandover.Outcome again = handovers.recordGroup(group(List.of(members.get(0), members.get(2)), c.year()));
        assertThat(again.recorded()).extracting(Handover::number).first().asString().startsWith("001/");
        // a group needs a photo too
        NewGroupHandover noPhoto = new NewGroupHandover(List.of(new NewGroupHandover.Member(onlyDistrict.id(), onlyDistrict.version())),
                LocalDate.of(c.year(), 6, 9), "Pendopo", "Budi", "Kasi", "Dinas Sosial", "Siti", "Camat", null, List.of(), false);
        assertThat(keysOf(() -> handovers.recordGroup(noPhoto))).containsExactly("grants.handover.photoRequired");
    }

    @Test
    void theDistrictHeadVoidsARecordWithAReasonTheProposalReturnsAndTheNumberIsNotReused() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        Proposal p = fixture.provinceApproved(c, PBG, 1, operator, head, officer).getFirst();
        TestAccounts.loginAs(operator);
        Handover h = handovers.record(HandoverServiceTest.handover(p, c, 4, null));
        assertThat(handovers.mayVoid(h)).isFalse();
        assertThatThrownBy(() -> handovers.voidHandover(h.id(), "Salah penerima dicatat oleh operator")).isInstanceOf(AccessDeniedException.class);

        TestAccounts.loginAs(headPkl);
        assertThat(keysOf(() -> handovers.voidHandover(h.id(), "Salah penerima dicatat oleh operator"))).containsExactly("error.notFound");

        TestAccounts.loginAs(head);
        assertThat(handovers.mayVoid(h)).isTrue();
        assertThat(keysOf(() -> handovers.voidHandover(h.id(), "salah"))).containsExactly("grants.handover.voidReason");
        assertThat(events.stream(HandoverVoided.class)).isEmpty();
        Handover voided = handovers.voidHandover(h.id(), "Salah penerima dicatat oleh operator (uji)");
        assertThat(events.stream(HandoverVoided.class)).containsExactly(new HandoverVoided(h.id(), p.id(), h.kabkotaCode()));
        assertThat(voided.voided().reason()).isEqualTo("Salah penerima dicatat oleh operator (uji)");
        assertThat(voided.voided().by()).isEqualTo(head.getUsername());
        assertThat(handovers.mayVoid(voided)).isFalse();
        assertThat(keysOf(() -> handovers.voidHandover(h.id(), "Sekali lagi dibatalkan (uji)"))).containsExactly("grants.handover.voidNotAllowed");

        Proposal back = proposals.get(p.id()).orElseThrow();
        assertThat(back.state()).isEqualTo(ProposalState.PROVINCE_APPROVED);
        assertThat(back.provinceDecidedBy()).isEqualTo(officer.getUsername());
        HistoryEntry last = proposals.history(p.id()).getLast();
        assertThat(last.from()).isEqualTo(ProposalState.HANDED_OVER);
        assertThat(last.to()).isEqualTo(ProposalState.PROVINCE_APPROVED);
        assertThat(last.reason()).isEqualTo("Salah penerima dicatat oleh operator (uji)");
        assertThat(handovers.ofProposal(p.id())).isEmpty();
        assertThat(audited(GrantsEntity.GRANTS_HANDOVER, h.id())).first().isEqualTo("GRANTS_HANDOVER_VOIDED");
        assertThat(audited(GrantsEntity.GRANTS_PROPOSAL, p.id())).first().isEqualTo("GRANTS_PROPOSAL_HANDOVER_VOIDED");
        assertThat(handovers.voidedOfProposal(p.id())).extracting(Handover::number).containsExactly(h.number());
        assertThat(handovers.handovers(h.handedOn(), h.handedOn())).extracting(Handover::id).doesNotContain(h.id());

        // the public check says it is void
        TestAccounts.logout();
        HandoverCheck check = handovers.verify(h.code(), "203.0.113.41").orElseThrow();
        assertThat(check.valid()).isFalse();
        assertThat(check.voided()).isTrue();
        assertThat(check.number()).isEqualTo(h.number());

        // handed over again: a new number, the voided one is not reused
        TestAccounts.loginAs(operator);
        Handover again = handovers.record(HandoverServiceTest.handover(back, c, 4, null));
        assertThat(again.number()).startsWith("002/");
        assertThat(handovers.ofProposal(p.id()).orElseThrow().id()).isEqualTo(again.id());
        TestAccounts.logout();
        assertThat(handovers.verify(again.code(), "203.0.113.41").orElseThrow().valid()).isTrue();
    }
}

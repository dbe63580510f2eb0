package id.berdaya.grants;

import id.berdaya.core.file.FileContent;
import id.berdaya.core.file.TestPhotos;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.handover.Handover;
import id.berdaya.grants.handover.HandoverPhoto;
import id.berdaya.grants.handover.NewHandover;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import static id.berdaya.grants.ProposalServiceTest.keysOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The photos of a handover (required, checked by content, stored without metadata, sealed) and its optional position. */
class HandoverPhotosTest extends HandoverTestSupport {

    @Override
    String prefix() {
        return "uji.foto";
    }

    /** The handover of a new province-approved proposal (one photo, no position), the operator logged in. */
    private NewHandover ready() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        Proposal p = fixture.provinceApproved(c, PBG, 1, operator, head, officer).getFirst();
        TestAccounts.loginAs(operator);
        return HandoverServiceTest.handover(p, c, 4, null);
    }

    private static NewHandover with(NewHandover n, Handover.Position position, List<HandoverPhoto.Upload> photos, boolean keep) {
        return new NewHandover(n.proposalId(), n.proposalVersion(), n.handedOn(), n.place(), n.giverName(), n.giverPosition(),
                n.giverOffice(), n.witnessName(), n.witnessPosition(), n.lines(), position, photos, keep);
    }

    private static HandoverPhoto.Upload upload(String name, byte[] content) {
        return new HandoverPhoto.Upload(name, content);
    }

    @Test
    void atLeastOneAndAtMostThreePhotosEachAReadableJpegOrPngAreRequired() {
        NewHandover base = ready();

        assertThat(keysOf(() -> handovers.record(with(base, null, List.of(), false)))).containsExactly("grants.handover.photoRequired");
        assertThat(keysOf(() -> handovers.record(with(base, null, null, false)))).containsExactly("grants.handover.photoRequired");
        assertThat(keysOf(() -> handovers.record(with(base, null, GrantsFixture.photos(4), false))))
                .containsExactly("grants.handover.photoTooMany");
        byte[] pdf = "%PDF-1.4\n% bukan foto\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(keysOf(() -> handovers.record(with(base, null, List.of(upload("foto.jpg", pdf)), false))))
                .containsExactly("photo.wrongType");
        byte[] fakeJpeg = new byte[64];
        fakeJpeg[0] = (byte) 0xFF;
        fakeJpeg[1] = (byte) 0xD8;
        fakeJpeg[2] = (byte) 0xFF;
        assertThat(keysOf(() -> handovers.record(with(base, null, List.of(upload("foto.jpg", fakeJpeg)), false))))
                .containsExactly("photo.undecodable");
        assertThat(keysOf(() -> handovers.checkPhoto(fakeJpeg))).containsExactly("photo.undecodable");
        assertThat(proposals.get(base.proposalId()).orElseThrow().state()).isEqualTo(ProposalState.PROVINCE_APPROVED);

        Handover h = handovers.record(with(base, null, GrantsFixture.photos(3), false));
        assertThat(handovers.get(h.id()).orElseThrow().photos()).hasSize(3);
    }

    @Test
    void aStoredPhotoHasNoMetadataItsCaptureTimeIsKeptBesideItAndThePositionOnlyWithConsent() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        List<Proposal> two = fixture.provinceApproved(c, PBG, 2, operator, head, officer);
        byte[] raw = TestPhotos.jpegWithExif(48, 32, "2026:03:14 09:15:30", -7.388123, 109.362456, 1);
        TestAccounts.loginAs(operator);

        Handover without = handovers.record(with(HandoverServiceTest.handover(two.get(0), c, 4, null), null,
                List.of(upload("IMG_0001.JPG", raw)), false));
        HandoverPhoto photo = without.photos().getFirst();
        assertThat(photo.takenAt()).isEqualTo(LocalDateTime.of(2026, 3, 14, 9, 15, 30));
        assertThat(photo.position()).isNull();
        assertThat(photo.contentType()).isEqualTo(FileContent.JPEG);
        byte[] stored = handovers.photo(photo.id()).content();
        assertThat(audited(GrantsEntity.GRANTS_HANDOVER_PHOTO, photo.id())).contains("GRANTS_HANDOVER_PHOTO_VIEWED");
        assertThat(FileContent.sha256(stored)).isEqualTo(photo.sha256());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain(TestPhotos.MAKE)
                .doesNotContain("JFIF");

        Handover with = handovers.record(with(HandoverServiceTest.handover(two.get(1), c, 4, null), null,
                List.of(upload("IMG_0002.JPG", raw)), true));
        HandoverPhoto located = handovers.get(with.id()).orElseThrow().photos().getFirst();
        assertThat(located.position().latitude()).isEqualByComparingTo(new BigDecimal("-7.388123"));
        assertThat(located.position().longitude()).isEqualByComparingTo(new BigDecimal("109.362456"));
        assertThat(new String(handovers.photo(located.id()).content(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");

        // another district sees none of them
        TestAccounts.loginAs(operatorPkl);
        assertThat(keysOf(() -> handovers.photo(photo.id()))).containsExactly("error.notFound");
    }

    @Test
    void theSealCoversThePhotosHashesAndThePosition() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        Proposal p = fixture.provinceApproved(c, PBG, 1, operator, head, officer).getFirst();
        TestAccounts.loginAs(operator);
        Handover h = handovers.record(with(HandoverServiceTest.handover(p, c, 4, null),
                new Handover.Position(new BigDecimal("-7.3881"), new BigDecimal("109.3625")), GrantsFixture.photos(2), false));
        Handover read = handovers.get(h.id()).orElseThrow();
        assertThat(read.position().latitude()).isEqualByComparingTo("-7.3881");
        assertThat(read.computeSeal()).isEqualTo(h.seal());
        assertThat(read.content()).contains("photo|" + read.photos().get(0).sha256(), "photo|" + read.photos().get(1).sha256(),
                "position|-7.388100|109.362500");

        // another photo (a changed hash), one photo fewer, or another position: another seal
        HandoverPhoto first = read.photos().getFirst();
        HandoverPhoto changed = new HandoverPhoto(first.id(), first.contentType(), first.width(), first.height(), first.sizeBytes(),
                FileContent.sha256("foto lain".getBytes(StandardCharsets.UTF_8)), first.takenAt(), first.position(), false);
        assertThat(rebuilt(read, read.position(), List.of(changed, read.photos().get(1))).computeSeal()).isNotEqualTo(h.seal());
        assertThat(rebuilt(read, read.position(), List.of(read.photos().get(1))).computeSeal()).isNotEqualTo(h.seal());
        assertThat(rebuilt(read, read.position(), List.of(read.photos().get(1), first)).computeSeal()).isEqualTo(h.seal());
        Handover moved = rebuilt(read, new Handover.Position(new BigDecimal("-7.300000"), new BigDecimal("109.362500")), read.photos());
        assertThat(moved.computeSeal()).isNotEqualTo(h.seal());
    }

    @Test
    void aPositionMustLieWithinJawaTengah() {
        NewHandover base = ready();
        // Jakarta, and a swapped pair
        assertThat(keysOf(() -> handovers.record(with(base, new Handover.Position(new BigDecimal("-6.2"), new BigDecimal("106.8")),
                GrantsFixture.photos(1), false)))).containsExactly("grants.handover.positionOutside");
        assertThat(keysOf(() -> handovers.record(with(base, new Handover.Position(new BigDecimal("109.3"), new BigDecimal("-7.4")),
                GrantsFixture.photos(1), false)))).containsExactly("grants.handover.positionOutside");
        assertThat(keysOf(() -> handovers.record(with(base, new Handover.Position(new BigDecimal("-7.4"), null),
                GrantsFixture.photos(1), false)))).containsExactly("grants.handover.positionIncomplete");
        Handover h = handovers.record(with(base, new Handover.Position(new BigDecimal("-7.4"), new BigDecimal("109.3")),
                GrantsFixture.photos(1), false));
        assertThat(h.position().longitude()).isEqualByComparingTo("109.3");
    }

    /** The record with another position and other photos. */
    private static Handover rebuilt(Handover h, Handover.Position position, List<HandoverPhoto> photos) {
        return new Handover(h.id(), h.proposalId(), h.groupId(), h.kabkotaCode(), h.issuerName(), h.number(), h.code(), h.seal(),
                h.handedOn(), h.place(), h.giverName(), h.giverPosition(), h.giverOffice(), h.receiverName(), h.witnessName(),
                h.witnessPosition(), position, h.recordedBy(), h.recordedAt(), h.voided(), h.items(), photos);
    }
}

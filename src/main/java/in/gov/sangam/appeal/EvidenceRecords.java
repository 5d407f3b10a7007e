package in.gov.sangam.appeal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.catalogue.Catalogue;
import in.gov.sangam.catalogue.CatalogueService;
import in.gov.sangam.notices.Channel;
import in.gov.sangam.notices.Notices;
import in.gov.sangam.time.HubTimeZone;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Makes an appeal's evidence record and signs it. The record is made from the hub's own books at the time of asking:
 * the application's facts and history (through {@link ApplicationRecords}, no personal data), its timeline counted
 * day by day by the {@link PsgaClock} from the pauses in its history, the department's outages during that timeline
 * and the notices sent; the signature covers the record's JSON exactly as it is returned.
 */
@Component
public class EvidenceRecords {

    private final ApplicationRecords applications;
    private final Catalogue catalogue;
    private final PsgaClock psgaClock;
    private final DepartmentOutageHistory outages;
    private final Notices notices;
    private final EvidenceSigner signer;
    private final HubTimeZone timeZone;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public EvidenceRecords(ApplicationRecords applications, Catalogue catalogue, PsgaClock psgaClock,
            DepartmentOutageHistory outages, Notices notices, EvidenceSigner signer, HubTimeZone timeZone,
            ObjectMapper objectMapper, Clock clock) {
        this.applications = applications;
        this.catalogue = catalogue;
        this.psgaClock = psgaClock;
        this.outages = outages;
        this.notices = notices;
        this.signer = signer;
        this.timeZone = timeZone;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** A record signed: the compact JWS, and the payload it signs (the record's JSON). */
    public record SignedEvidence(String jws, byte[] payload) {
    }

    /** @param appealShown the appeal as the API shows it, taken into the record unchanged */
    public SignedEvidence signed(Appeal appeal, JsonNode appealShown) {
        EvidenceRecord record = record(appeal, appealShown);
        try {
            byte[] payload = objectMapper.writeValueAsBytes(record);
            return new SignedEvidence(signer.sign(payload), payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The evidence record of " + appeal.appealId() + " could not be written", e);
        }
    }

    EvidenceRecord record(Appeal appeal, JsonNode appealShown) {
        Instant now = clock.instant();
        ApplicationRecords.Facts facts = applications.find(appeal.applicationId()).orElseThrow(() ->
                new IllegalStateException("Appeal " + appeal.appealId() + " names an application the hub does not "
                        + "have: " + appeal.applicationId()));
        CatalogueService service = catalogue.service(facts.serviceCode()).orElseThrow(() ->
                new IllegalStateException("The service " + facts.serviceCode() + " of appeal " + appeal.appealId()
                        + " is no longer in the catalogue"));
        List<ApplicationRecords.Change> history = applications.history(facts.applicationId());
        // The account runs to the final decision, or to now while there is none.
        Instant until = history.stream()
                .filter(change -> change.status().equals("DELIVERED") || change.status().equals("REJECTED"))
                .map(ApplicationRecords.Change::at).findFirst().orElse(now);
        PsgaTimeline timeline = psgaClock.timeline(facts.acknowledgedAt(), service, facts.district(),
                ClockPause.fromHistory(history, until), until);
        Instant timelineEnd = timeline.dueBy().isAfter(until) ? timeline.dueBy() : until;
        return new EvidenceRecord(timeZone.local(now), signer.keyId(), appealShown,
                new EvidenceRecord.Application(facts.applicationId(), facts.serviceCode(), service.name(),
                        facts.department(), facts.district(), timeZone.local(facts.acknowledgedAt()),
                        timeZone.local(facts.dueBy()), facts.status(), service.timelineDays(),
                        service.timelineBasis().name()),
                history.stream().map(change -> new EvidenceRecord.Change(change.status(),
                        timeZone.local(change.at()), change.remark(), change.reason())).toList(),
                new EvidenceRecord.Timeline(timeZone.local(timeline.dueBy()), timeZone.local(timeline.until()),
                        timeline.days(), timeline.pauses().stream().map(pause -> new EvidenceRecord.Pause(
                                timeZone.local(pause.from()), timeZone.local(pause.to()), pause.days())).toList()),
                outages.between(facts.department(), facts.acknowledgedAt(), timelineEnd).stream()
                        .map(outage -> new EvidenceRecord.Outage(timeZone.local(outage.from()),
                                timeZone.local(outage.to()), outage.reason())).toList(),
                notices.forApplication(facts.applicationId()).stream()
                        .map(notice -> new EvidenceRecord.Notice(notice.noticeKey(), notice.channel().name(),
                                notice.channel() == Channel.EMAIL ? notice.recipient() : null, notice.subject(),
                                notice.state().name(), timeZone.local(notice.requestedAt()),
                                timeZone.local(notice.sentAt()), notice.failure())).toList());
    }
}

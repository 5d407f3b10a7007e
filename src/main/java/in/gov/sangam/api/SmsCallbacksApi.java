package in.gov.sangam.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.api.model.SmsDelivery;
import in.gov.sangam.api.model.SmsDeliveryState;
import in.gov.sangam.api.model.SmsReplyReceipt;
import in.gov.sangam.feedback.SmsDeliveryReports;
import in.gov.sangam.feedback.SmsReplies;
import java.io.IOException;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * What the SMS gateway calls: citizens' replies to the survey (as JSON with a bearer token, or in Kannel's GET
 * shape with HTTP Basic credentials) and each survey SMS's delivery reports. The contract has checked the input.
 */
@Component("smsCallbacksApi")
public class SmsCallbacksApi {

    private final SmsReplies replies;
    private final SmsDeliveryReports deliveryReports;
    private final ObjectMapper objectMapper;

    public SmsCallbacksApi(SmsReplies replies, SmsDeliveryReports deliveryReports, ObjectMapper objectMapper) {
        this.replies = replies;
        this.deliveryReports = deliveryReports;
        this.objectMapper = objectMapper;
    }

    public SmsReplyReceipt reply(@Body String body) {
        JsonNode reply;
        try {
            reply = objectMapper.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body could not be parsed as JSON.");
        }
        return receipt(replies.receive(reply.path("from").asText(), reply.path("text").asText()));
    }

    public SmsReplyReceipt kannelReply(@Header("from") String from, @Header("text") String text) {
        return receipt(replies.receive(from, text));
    }

    public SmsDelivery delivery(@Header("messageToken") String messageToken, @Header("type") int type) {
        String delivery = deliveryReports.report(messageToken, type).orElseThrow(() -> new ProblemException(
                ProblemType.NOT_FOUND, "No survey SMS has this delivery-report token."));
        return new SmsDelivery().delivery(SmsDeliveryState.fromValue(delivery));
    }

    private static SmsReplyReceipt receipt(SmsReplies.Outcome outcome) {
        return new SmsReplyReceipt().outcome(SmsReplyReceipt.OutcomeEnum.fromValue(outcome.name()));
    }
}

package io.rmqfleet.controller.console;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * One stored message as the console shows it (field names of the official dashboard's MessageView). The body is
 * text when it is valid UTF-8, else base64, and cut at {@value #MAX_BODY} bytes so one huge message cannot flood
 * the page.
 */
final class MessageView {
    static final int MAX_BODY = 4096;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private MessageView() {
    }

    static ObjectNode render(MessageExt m) {
        ObjectNode node = JSON.objectNode();
        String uniq = MessageClientIDSetter.getUniqID(m);
        // The id a producer gets back (SendResult.getMsgId) is the unique key; the offset id names the stored copy.
        node.put("msgId", uniq != null ? uniq : m.getMsgId());
        node.put("offsetMsgId", m.getMsgId());
        node.put("topic", m.getTopic());
        node.put("tags", m.getTags());
        node.put("keys", m.getKeys());
        node.put("queueId", m.getQueueId());
        node.put("queueOffset", m.getQueueOffset());
        node.put("bornTimestamp", m.getBornTimestamp());
        node.put("storeTimestamp", m.getStoreTimestamp());
        node.put("bornHost", m.getBornHost() == null ? null : m.getBornHostString());
        node.put("storeHost", m.getStoreHost() == null ? null : m.getStoreHost().toString().replaceFirst("^.*/", ""));
        node.put("reconsumeTimes", m.getReconsumeTimes());
        byte[] body = m.getBody() == null ? new byte[0] : m.getBody();
        node.put("bodySize", body.length);
        boolean truncated = body.length > MAX_BODY;
        byte[] shown = truncated ? java.util.Arrays.copyOf(body, MAX_BODY) : body;
        String text = utf8(shown);
        // The cut may split a multi-byte character: drop its first bytes (at most 3) rather than call it binary.
        for (int drop = 1; text == null && truncated && drop <= 3; drop++) {
            shown = java.util.Arrays.copyOf(body, MAX_BODY - drop);
            text = utf8(shown);
        }
        if (text != null) {
            node.put("messageBody", text);
            node.put("bodyEncoding", "utf-8");
        } else {
            node.put("messageBody", Base64.getEncoder().encodeToString(shown));
            node.put("bodyEncoding", "base64");
        }
        node.put("bodyTruncated", truncated);
        return node;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}

package io.rmqfleet.controller.rocketmq.verify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.ResponseCode;

/**
 * Sends the test messages to every queue of every master in turn (so each master gets its share and a failing
 * one is named: no silent retry on another broker), then consumes them back with a pull consumer that starts at
 * the end of each queue. Only messages whose key carries this run's id count.
 */
public final class RocketMqRoundTrip implements MessageRoundTrip {
    static final String PRODUCER_GROUP = "rmqfleet_verify_producer";
    /** One fixed group (not one per run): assigned queues need no rebalancing, and brokers keep no group litter. */
    static final String CONSUMER_GROUP = "rmqfleet_verify_consumer";
    private static final int REPORTED = 5;
    /** A busy broker ("[TIMEOUT_CLEAN_QUEUE]broker busy") rejects for a moment; a real producer would retry too. */
    private static final int BUSY_RETRIES = 5;
    private static final Duration BUSY_PAUSE = Duration.ofMillis(200);

    private final Duration callTimeout;

    public RocketMqRoundTrip(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    @Override
    public RoundTrip run(String namesrvAddr, String topic, int messages, String runId, Deadline deadline) {
        Instant started = deadline.clock().instant();
        DefaultMQProducer producer;
        DefaultLitePullConsumer consumer;
        try {
            producer = ClientRetry.create("producer", () -> new DefaultMQProducer(PRODUCER_GROUP));
            consumer = ClientRetry.create("consumer", () -> new DefaultLitePullConsumer(CONSUMER_GROUP));
        } catch (ProbeException e) {
            return RoundTrip.setupFailed(messages, e.getMessage(), Duration.between(started, deadline.clock().instant()));
        }
        configure(producer, namesrvAddr, runId);
        configure(consumer, namesrvAddr, runId);
        try {
            List<MessageQueue> queues;
            Map<String, String> unreadable = new LinkedHashMap<>();
            try {
                producer.start();
                consumer.start();
                Collection<MessageQueue> readable = consumer.fetchMessageQueues(topic);
                consumer.assign(readable);
                for (MessageQueue q : readable) {
                    if (unreadable.containsKey(q.getBrokerName())) {
                        continue;
                    }
                    try {
                        consumer.seekToEnd(q);
                    } catch (Exception e) {
                        unreadable.put(q.getBrokerName(), "cannot read its queue offsets: " + Reasons.describe(e));
                    }
                }
                queues = new ArrayList<>(producer.fetchPublishMessageQueues(topic));
            } catch (Exception e) {
                return RoundTrip.setupFailed(messages, "cannot start producing/consuming: " + Reasons.describe(e),
                    Duration.between(started, deadline.clock().instant()));
            }
            queues.sort(Comparator.comparing(MessageQueue::getQueueId).thenComparing(MessageQueue::getBrokerName));
            Set<String> awaited = new LinkedHashSet<>();
            Map<String, Integer> perBroker = new TreeMap<>();
            List<String> errors = new ArrayList<>();
            Instant firstSend = deadline.clock().instant();
            for (int i = 0; i < messages && !deadline.expired(); i++) {
                String key = runId + "-" + i;
                MessageQueue queue = queues.get(i % queues.size());
                String broker = queue.getBrokerName();
                if (unreadable.containsKey(broker)) {
                    errors.add(broker + ": " + unreadable.get(broker));
                    continue;
                }
                Message message = new Message(topic, "rmqfleet-verify", key,
                    ("rmqfleet verify " + key).getBytes(StandardCharsets.UTF_8));
                String error = send(producer, message, queue, deadline);
                if (error == null) {
                    awaited.add(key);
                    perBroker.merge(broker, 1, Integer::sum);
                } else {
                    errors.add(broker + ": " + error);
                }
            }
            int sent = awaited.size();
            while (!awaited.isEmpty() && !deadline.expired()) {
                for (MessageExt m : consumer.poll(deadline.cap(Duration.ofMillis(500)).toMillis())) {
                    awaited.remove(m.getKeys());
                }
            }
            return new RoundTrip(messages, perBroker, errors, sent - awaited.size(),
                awaited.stream().limit(REPORTED).toList(), null, Duration.between(firstSend, deadline.clock().instant()));
        } finally {
            Closer.inBackground(consumer::shutdown, producer::shutdown);
        }
    }

    /** Sends one message to one queue; null when the broker stored it (SEND_OK), else why not. */
    private String send(DefaultMQProducer producer, Message message, MessageQueue queue, Deadline deadline) {
        for (int attempt = 0; ; attempt++) {
            try {
                SendResult result = producer.send(message, queue, deadline.cap(callTimeout).toMillis());
                return result.getSendStatus() == SendStatus.SEND_OK ? null : result.getSendStatus().name();
            } catch (MQBrokerException e) {
                boolean busy = e.getResponseCode() == ResponseCode.SYSTEM_BUSY;
                if (!busy || attempt >= BUSY_RETRIES || deadline.remaining().compareTo(BUSY_PAUSE) <= 0) {
                    return Reasons.describe(e);
                }
                if (!pause()) {
                    return "interrupted";
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            } catch (Exception e) {
                return Reasons.describe(e);
            }
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(BUSY_PAUSE.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void configure(ClientConfig client, String namesrvAddr, String runId) {
        client.setNamesrvAddr(namesrvAddr);
        client.setInstanceName("rmqfleet-verify-" + runId);
        client.setVipChannelEnabled(false);
        client.setMqClientApiTimeout((int) callTimeout.toMillis());
        if (client instanceof DefaultMQProducer p) {
            p.setRetryTimesWhenSendFailed(0);
            p.setSendMsgTimeout((int) callTimeout.toMillis());
        }
        if (client instanceof DefaultLitePullConsumer c) {
            c.setAutoCommit(false);
        }
    }
}

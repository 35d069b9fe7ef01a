package io.rmqfleet.controller.rocketmq.verify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * Sends the test messages to every queue of every master in turn (so each master gets its share and a failing
 * one is named, no silent retry elsewhere), then consumes them back with a pull consumer that starts at the end
 * of each queue. Only messages whose key carries this run's id count.
 */
public final class RocketMqRoundTrip implements MessageRoundTrip {
    static final String PRODUCER_GROUP = "rmqfleet_verify_producer";
    /** One fixed group (not one per run): assigned queues need no rebalancing, and brokers keep no group litter. */
    static final String CONSUMER_GROUP = "rmqfleet_verify_consumer";
    private static final int REPORTED = 5;

    private final Duration callTimeout;

    public RocketMqRoundTrip(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    @Override
    public RoundTrip run(String namesrvAddr, String topic, int messages, String runId, Deadline deadline) {
        Instant started = deadline.clock().instant();
        DefaultMQProducer producer = new DefaultMQProducer(PRODUCER_GROUP);
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(CONSUMER_GROUP);
        configure(producer, namesrvAddr, runId);
        configure(consumer, namesrvAddr, runId);
        try {
            List<MessageQueue> queues;
            try {
                producer.start();
                consumer.start();
                Collection<MessageQueue> readable = consumer.fetchMessageQueues(topic);
                consumer.assign(readable);
                for (MessageQueue q : readable) {
                    consumer.seekToEnd(q);
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
                Message message = new Message(topic, "rmqfleet-verify", key,
                    ("rmqfleet verify " + key).getBytes(StandardCharsets.UTF_8));
                try {
                    SendResult result = producer.send(message, queue, deadline.cap(callTimeout).toMillis());
                    if (result.getSendStatus() == SendStatus.SEND_OK) {
                        awaited.add(key);
                        perBroker.merge(queue.getBrokerName(), 1, Integer::sum);
                    } else {
                        errors.add(queue.getBrokerName() + ": " + result.getSendStatus());
                    }
                } catch (Exception e) {
                    errors.add(queue.getBrokerName() + ": " + Reasons.describe(e));
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
            Closer.within(Duration.ofSeconds(3), consumer::shutdown, producer::shutdown);
        }
    }

    private void configure(org.apache.rocketmq.client.ClientConfig client, String namesrvAddr, String runId) {
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

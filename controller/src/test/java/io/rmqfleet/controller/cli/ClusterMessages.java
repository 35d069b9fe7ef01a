package io.rmqfleet.controller.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;

/** Producing and consuming test messages through a deployed cluster with the real RocketMQ client. */
final class ClusterMessages {
    private final String namesrvAddr;
    private final String topic;

    ClusterMessages(String namesrvAddr, String topic) {
        this.namesrvAddr = namesrvAddr;
        this.topic = topic;
    }

    DefaultMQProducer producer() throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("rmqfleet_it_producer");
        producer.setNamesrvAddr(namesrvAddr);
        producer.setInstanceName("rmqfleet-it-" + UUID.randomUUID());
        producer.setVipChannelEnabled(false);
        producer.setSendMsgTimeout(5000);
        // a down master is skipped for a while instead of being retried at once
        producer.setSendLatencyFaultEnable(true);
        producer.start();
        return producer;
    }

    Message message(String key) {
        return new Message(topic, "rmqfleet-it", key, ("rmqfleet it " + key).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one message per key to the queues of one broker name (round robin); returns the acknowledged keys. */
    Set<String> sendTo(String brokerName, List<String> keys) throws Exception {
        DefaultMQProducer producer = producer();
        try {
            List<MessageQueue> queues = producer.fetchPublishMessageQueues(topic).stream()
                .filter(q -> q.getBrokerName().equals(brokerName)).toList();
            if (queues.isEmpty()) {
                throw new AssertionError("topic " + topic + " has no queue on " + brokerName);
            }
            Set<String> acked = new LinkedHashSet<>();
            for (int i = 0; i < keys.size(); i++) {
                SendResult r = producer.send(message(keys.get(i)), queues.get(i % queues.size()));
                if (r.getSendStatus() == SendStatus.SEND_OK) {
                    acked.add(keys.get(i));
                }
            }
            return acked;
        } finally {
            producer.shutdown();
        }
    }

    /** Reads every queue of the topic from its beginning until all wanted keys were seen or the timeout passes. */
    Set<String> consume(Collection<String> wanted, Duration timeout) throws Exception {
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer("rmqfleet_it_" + UUID.randomUUID().toString()
            .replace("-", ""));
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setInstanceName("rmqfleet-it-" + UUID.randomUUID());
        consumer.setVipChannelEnabled(false);
        consumer.setAutoCommit(false);
        consumer.setPullBatchSize(256);
        Set<String> missing = ConcurrentHashMap.newKeySet();
        missing.addAll(wanted);
        Set<String> seen = new LinkedHashSet<>();
        try {
            consumer.start();
            Collection<MessageQueue> queues = consumer.fetchMessageQueues(topic);
            consumer.assign(queues);
            for (MessageQueue q : queues) {
                consumer.seekToBegin(q);
            }
            Instant deadline = Instant.now().plus(timeout);
            while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
                for (MessageExt m : consumer.poll(500)) {
                    if (missing.remove(m.getKeys())) {
                        seen.add(m.getKeys());
                    }
                }
            }
            return seen;
        } finally {
            consumer.shutdown();
        }
    }

    /** A producer that keeps sending (one message every few ms) until stopped, recording acknowledged keys. */
    final class SteadyProducer implements AutoCloseable {
        final Set<String> acked = ConcurrentHashMap.newKeySet();
        final AtomicInteger failed = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private final DefaultMQProducer producer;

        SteadyProducer(String run, Duration pause) throws Exception {
            producer = producer();
            thread = new Thread(() -> {
                for (int i = 0; running.get(); i++) {
                    String key = run + "-" + i;
                    try {
                        SendResult r = producer.send(message(key));
                        if (r.getSendStatus() == SendStatus.SEND_OK) {
                            acked.add(key);
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    try {
                        Thread.sleep(pause.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "steady-producer");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(60_000);
            producer.shutdown();
        }
    }
}

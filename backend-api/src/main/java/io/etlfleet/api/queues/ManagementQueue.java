package io.etlfleet.api.queues;

/** One queue as the RabbitMQ management API reports it. */
record ManagementQueue(String name, long messagesReady, long messagesUnacked, int consumers, double publishRate,
        double deliverRate) {
}

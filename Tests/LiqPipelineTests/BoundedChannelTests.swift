import Dispatch
import Glibc
import Testing

@testable import LiqPipeline

@Suite("BoundedChannel")
struct BoundedChannelTests {
    @Test("delivers in FIFO order and drains before reporting the end")
    func fifoThenFinish() {
        let channel = BoundedChannel<Int>(capacity: 3)
        #expect(channel.send(1))
        #expect(channel.send(2))
        #expect(channel.send(3))
        channel.finish()
        #expect(channel.receive() == 1)
        #expect(channel.receive() == 2)
        #expect(channel.receive() == 3)
        #expect(channel.receive() == nil)
        #expect(channel.receive() == nil)
    }

    @Test("wraps around its ring buffer many times")
    func wrapsAround() {
        let channel = BoundedChannel<Int>(capacity: 3)
        var received: [Int] = []
        for value in 0..<10 {
            #expect(channel.send(value))
            if value % 2 == 1 {
                received.append(channel.receive()!)
                received.append(channel.receive()!)
            }
        }
        #expect(received == Array(0..<10))
    }

    @Test("send blocks while full and resumes when a slot frees")
    func sendBlocksWhenFull() {
        let channel = BoundedChannel<Int>(capacity: 2)
        #expect(channel.send(1))
        #expect(channel.send(2))
        let sentThird = Counter()
        let sender = BackgroundCall {
            let accepted = channel.send(3)
            sentThird.add()
            return accepted
        }
        usleep(50_000)
        #expect(sentThird.value == 0, "the third send must wait for room")
        #expect(channel.receive() == 1)
        #expect(sender.wait() == true)
        #expect(channel.receive() == 2)
        #expect(channel.receive() == 3)
    }

    @Test("cancel wakes every blocked sender, and they report the cancellation")
    func cancelWakesBlockedSenders() {
        let channel = BoundedChannel<Int>(capacity: 1)
        #expect(channel.send(0))
        let senders = (1...4).map { value in BackgroundCall { channel.send(value) } }
        usleep(10_000)
        channel.cancel()
        for sender in senders {
            #expect(sender.wait() == false)
        }
        #expect(channel.send(9) == false)
    }

    @Test("cancel wakes every blocked receiver with nil and discards buffered items")
    func cancelWakesBlockedReceivers() {
        let channel = BoundedChannel<Int>(capacity: 2)
        let receivers = (0..<4).map { _ in BackgroundCall { channel.receive() } }
        usleep(10_000)
        channel.cancel()
        for receiver in receivers {
            #expect(receiver.wait() == .some(nil))
        }
        let buffered = BoundedChannel<Int>(capacity: 2)
        #expect(buffered.send(1))
        buffered.cancel()
        #expect(buffered.receive() == nil)
    }

    @Test("finish wakes every blocked receiver with nil")
    func finishWakesBlockedReceivers() {
        let channel = BoundedChannel<Int>(capacity: 2)
        let receivers = (0..<4).map { _ in BackgroundCall { channel.receive() } }
        usleep(10_000)
        channel.finish()
        for receiver in receivers {
            #expect(receiver.wait() == .some(nil))
        }
    }

    /// Would crash the test process with "Semaphore object deallocated while in use" if the free-slot semaphore
    /// were created with `value: capacity`.
    @Test("tearing down a full, cancelled channel does not trip the libdispatch semaphore check")
    func teardownWhileFull() {
        for round in 0..<1_000 {
            let capacity = 1 + round % 8
            var channel: BoundedChannel<Int>? = BoundedChannel(capacity: capacity)
            for value in 0..<capacity {
                #expect(channel?.send(value) == true)
            }
            channel?.cancel()
            #expect(channel?.send(-1) == false)
            channel = nil
        }
    }

    @Test("several producers and consumers move every item exactly once")
    func manyProducersAndConsumers() {
        let channel = BoundedChannel<Int>(capacity: 4)
        let producers = (0..<4).map { producer in
            BackgroundCall {
                for value in 0..<10_000 where !channel.send(producer * 10_000 + value) {
                    return false
                }
                return true
            }
        }
        let consumers = (0..<3).map { _ in
            BackgroundCall { () -> [Int] in
                var received: [Int] = []
                while let value = channel.receive() {
                    received.append(value)
                }
                return received
            }
        }
        for producer in producers {
            #expect(producer.wait() == true)
        }
        channel.finish()
        let received = consumers.flatMap { $0.wait() ?? [] }
        #expect(received.sorted() == Array(0..<40_000))
    }
}

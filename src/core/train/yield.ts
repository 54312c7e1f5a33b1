/**
 * Gives the host a turn through a message rather than a timer: browsers clamp nested zero-delay
 * timers to 4 ms, which would cap a fast training loop; a message is handled in the next task, after
 * pending input, rendering and (in a worker) control messages.
 */
export function yieldThroughMessage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      // Closed so the ports never keep a process (Node) alive.
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Resolves in a new task, so the browser can draw and handle input in between: what long work on
 * the UI thread awaits between its slices. A message, not setTimeout, which browsers clamp to 4 ms
 * once nested.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

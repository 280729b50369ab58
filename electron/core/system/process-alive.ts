// Whether a process id still runs on this machine: how the core tells work a crashed process left
// half-done (a comment post, an image being written) from work a live process is still doing.
// Ids are reused, rarely; callers that can be fooled by that also look at the work's age.
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// A real, tiny file system for disk-full tests: a tmpfs of a few hundred KB mounted on a folder,
// so writes fail with ENOSPC (and SQLite with SQLITE_FULL) exactly as on a full disk. Mounting
// needs root, which the test machines and CI have; without it the test fails and says why.
import { execFileSync } from 'node:child_process';

export class TinyDisk {
  private constructor(readonly dir: string) {}

  static mount(dir: string, sizeKb: number): TinyDisk {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(`cannot mount a ${sizeKb} KB tmpfs on ${dir} (the disk-full tests need root): ${String(error)}`);
    }
    return new TinyDisk(dir);
  }

  /** Frees space the way a person would by clearing room: the same files, a larger disk. */
  resize(sizeKb: number): void {
    execFileSync('mount', ['-o', `remount,size=${sizeKb}k`, this.dir], { stdio: 'pipe' });
  }

  /** A data folder on a read-only disk (a locked SD card, a read-only mount). */
  readOnly(): void {
    execFileSync('mount', ['-o', 'remount,ro', this.dir], { stdio: 'pipe' });
  }

  /** Lazily: a database file the test closed may still be held until its statements are
   *  collected, and a busy mount must not fail the test that is done with it. */
  unmount(): void {
    execFileSync('umount', ['--lazy', this.dir], { stdio: 'pipe' });
  }
}

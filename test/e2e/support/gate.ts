// A door a test opens when it is ready: requests wait behind it, so a state that is normally
// brief (a sync in progress) holds still long enough to be looked at, without any sleep.
export interface Gate {
  readonly opened: Promise<void>;
  open(): void;
}

export function gate(): Gate {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

// PHP run inside the real test site (wp-load.php), for what wp.php has no command for: what a site's
// owner does in wp-admin to a post or a comment after a reader saw it (trash, delete, unpublish).
import { execFileSync } from 'node:child_process';

const BOOT = "$_SERVER['HTTP_HOST']='127.0.0.1'; $_SERVER['REQUEST_URI']='/'; $_SERVER['SERVER_NAME']='127.0.0.1'; require '/usr/share/wordpress/wp-load.php';";

export function sitePhp(code: string): string {
  return execFileSync('php', ['-r', `${BOOT} ${code}`], { encoding: 'utf8', timeout: 60_000 });
}

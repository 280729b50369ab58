<?php
// The test site's controls for test/wordpress/*.test.ts, run as `php wp.php COMMAND ARGS...`:
// what a site's owner does in wp-admin (install, write a post, open or close its comments,
// moderate, choose permalinks), done through WordPress's own functions. Prints JSON.
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
// The site sends no mail (there is no MTA): wp_install() would try to tell the admin.
function wp_mail(): bool { return true; }
define('WP_INSTALLING', ($argv[1] ?? '') === 'install');
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

function site_defaults(): void {
    update_option('blogname', 'Paperboy Test Site');
    update_option('comment_moderation', 0);
    update_option('comment_previously_approved', 0);
    update_option('require_name_email', 1);
    update_option('comment_registration', 0);
    update_option('thread_comments', 1);
    update_option('thread_comments_depth', 5);
    update_option('page_comments', 0);
    update_option('comments_per_page', 50);
    update_option('default_comment_status', 'open');
    update_option('close_comments_for_old_posts', 0);
    update_option('comment_max_links', 2);
    // No gravatar images: the tests send nothing beyond the loopback.
    update_option('show_avatars', 0);
    delete_option('paperboy_lose_next_answer');
    delete_option('paperboy_hide_rest_link');
    delete_option('paperboy_hide_page_comments');
}

function set_permalinks(bool $pretty): void {
    global $wp_rewrite;
    $wp_rewrite->set_permalink_structure($pretty ? '/%year%/%monthnum%/%day%/%postname%/' : '');
    $wp_rewrite->flush_rules(false);
}

$command = $argv[1] ?? '';
$args = array_slice($argv, 2);
$out = null;
switch ($command) {
    case 'install':
        if (!is_blog_installed()) {
            wp_install('Paperboy Test Site', 'admin', 'admin@example.test', false, '', 'paperboy-admin');
        }
        site_defaults();
        $out = ['installed' => true, 'home' => home_url('/')];
        break;
    case 'reset':
        // A clean site: no posts, no comments (so no flood check carries over), default options.
        foreach (get_posts(['numberposts' => -1, 'post_type' => 'any', 'post_status' => 'any']) as $post) wp_delete_post($post->ID, true);
        global $wpdb;
        $wpdb->query("DELETE FROM {$wpdb->comments}");
        $wpdb->query("DELETE FROM {$wpdb->commentmeta}");
        site_defaults();
        set_permalinks(($args[0] ?? 'plain') === 'pretty');
        $out = ['reset' => true];
        break;
    case 'post':
        $id = wp_insert_post(['post_title' => $args[0], 'post_content' => $args[1] ?? '<p>An article to comment on.</p>', 'post_status' => 'publish', 'comment_status' => 'open'], true);
        $out = ['id' => $id, 'url' => get_permalink($id)];
        break;
    case 'comments':
        // N approved comments, one minute apart; every third answers the one before it (nesting
        // three deep at most), so the thread has replies whose parents are far from the newest.
        [$postId, $count] = [(int) $args[0], (int) $args[1]];
        $start = time() - 86400;
        $ids = [];
        for ($i = 1; $i <= $count; $i++) {
            $parent = ($i % 3 === 0 && $ids) ? end($ids) : 0;
            $ids[] = wp_insert_comment([
                'comment_post_ID' => $postId, 'comment_parent' => $parent, 'comment_approved' => 1,
                'comment_author' => "Reader $i", 'comment_author_email' => "reader$i@example.test",
                'comment_content' => "Comment number $i on this article.",
                'comment_date' => gmdate('Y-m-d H:i:s', $start + $i * 60), 'comment_date_gmt' => gmdate('Y-m-d H:i:s', $start + $i * 60),
            ]);
        }
        $out = ['ids' => $ids];
        break;
    case 'comment-status':
        wp_update_post(['ID' => (int) $args[0], 'comment_status' => $args[1]]);
        $out = ['status' => get_post((int) $args[0])->comment_status];
        break;
    case 'option':
        update_option($args[0], $args[1]);
        $out = [$args[0] => get_option($args[0])];
        break;
    case 'list':
        $out = array_map(fn($c) => ['id' => (int) $c->comment_ID, 'parent' => (int) $c->comment_parent, 'author' => $c->comment_author, 'approved' => $c->comment_approved, 'content' => $c->comment_content],
            get_comments(['post_id' => (int) $args[0], 'status' => 'all', 'orderby' => 'comment_ID', 'order' => 'ASC']));
        break;
    case 'approve':
        wp_set_comment_status((int) $args[0], 'approve');
        $out = ['approved' => (int) $args[0]];
        break;
    default:
        fwrite(STDERR, "unknown command: $command\n");
        exit(2);
}
echo json_encode($out), "\n";

<?php
/*
 * Plugin Name: Paperboy test switches
 * Description: Installed by Paperboy's test/wordpress/setup.sh on a throwaway site. Lets a test lose
 * the answer to the next comment post (WordPress stores the comment, then answers 502 as a
 * failing proxy would, so the client cannot know whether it got through), and hide the REST API's
 * link from pages, as some sites do (the thread is then read from the page's own comment list),
 * and keep the comment list off the post's page, as themes that load comments by script do (the
 * comment feed is then all there is).
 */
add_action('wp_head', function () {
    if (get_option('paperboy_hide_rest_link')) remove_action('wp_head', 'rest_output_link_wp_head', 10);
}, 0);
add_filter('comments_pre_query', function ($found, $query) {
    if (!get_option('paperboy_hide_page_comments') || is_feed() || defined('REST_REQUEST')) return $found;
    return empty($query->query_vars['count']) ? [] : 0;
}, 10, 2);
add_action('comment_post', function () {
    if (get_option('paperboy_lose_next_answer')) {
        delete_option('paperboy_lose_next_answer');
        status_header(502);
        exit;
    }
});

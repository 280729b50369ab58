<?php
/*
 * Plugin Name: Paperboy test switches
 * Description: Installed by Paperboy's test/wordpress/setup.sh on a throwaway site. Lets a test lose
 * the answer to the next comment post (WordPress stores the comment, then answers 502 as a
 * failing proxy would, so the client cannot know whether it got through), and hide the REST API's
 * link from pages, as some sites do (the thread is then read from the comment feed alone).
 */
add_action('wp_head', function () {
    if (get_option('paperboy_hide_rest_link')) remove_action('wp_head', 'rest_output_link_wp_head', 10);
}, 0);
add_action('comment_post', function () {
    if (get_option('paperboy_lose_next_answer')) {
        delete_option('paperboy_lose_next_answer');
        status_header(502);
        exit;
    }
});

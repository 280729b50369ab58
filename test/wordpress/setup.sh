#!/usr/bin/env bash
# A real WordPress (Debian's 6.1 package, Apache, MariaDB) on 127.0.0.1:8089 for the comment
# tests in test/wordpress/: installed, configured and started here, as root, on a Debian machine
# without systemd. Idempotent: each step checks first, so a second run only makes sure both
# servers are up (a second or two). Installing WordPress itself needs no network: install.php's
# work is done by wp_install() over PHP.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${PAPERBOY_WP_PORT:-8089}"

packages=(wordpress apache2 libapache2-mod-php mariadb-server php-mysql)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi

# MariaDB, on the loopback only.
if ! mariadb-admin --silent ping >/dev/null 2>&1; then
  install -d -o mysql -g mysql /run/mysqld
  (mariadbd --user=mysql --bind-address=127.0.0.1 >/var/log/mysql-paperboy.log 2>&1 &)
  for _ in $(seq 1 100); do mariadb-admin --silent ping >/dev/null 2>&1 && break; sleep 0.1; done
fi
mariadb <<'SQL'
CREATE DATABASE IF NOT EXISTS paperboy_wp;
CREATE USER IF NOT EXISTS 'paperboy'@'localhost' IDENTIFIED BY 'paperboy';
GRANT ALL ON paperboy_wp.* TO 'paperboy'@'localhost';
SQL

# Debian's wp-config.php reads /etc/wordpress/config-<host>.php (the Host header, port dropped).
cat >/etc/wordpress/config-127.0.0.1.php <<PHP
<?php
// Written by Paperboy's test/wordpress/setup.sh: a throwaway site for tests, on the loopback.
define('DB_NAME', 'paperboy_wp');
define('DB_USER', 'paperboy');
define('DB_PASSWORD', 'paperboy');
define('DB_HOST', 'localhost');
define('DB_CHARSET', 'utf8mb4');
define('WP_HOME', 'http://127.0.0.1:${port}');
define('WP_SITEURL', 'http://127.0.0.1:${port}');
define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as \$key) define(\$key, 'paperboy-test-' . \$key);
PHP

# The switches the tests pull (lose the next answer), as a must-use plugin.
install -d /var/lib/wordpress/wp-content/mu-plugins
cp "$here/paperboy-test-plugin.php" /var/lib/wordpress/wp-content/mu-plugins/paperboy-test.php

# Apache: this site only, on 127.0.0.1 only; pretty permalinks through FallbackResource.
cat >/etc/apache2/ports.conf <<CONF
Listen 127.0.0.1:${port}
CONF
cat >/etc/apache2/sites-available/paperboy-wordpress.conf <<CONF
<VirtualHost 127.0.0.1:${port}>
  ServerName 127.0.0.1
  DocumentRoot /usr/share/wordpress
  Alias /wp-content /var/lib/wordpress/wp-content
  <Directory /usr/share/wordpress>
    Options FollowSymLinks
    AllowOverride None
    Require all granted
    FallbackResource /index.php
  </Directory>
  <Directory /var/lib/wordpress/wp-content>
    Options FollowSymLinks
    Require all granted
  </Directory>
</VirtualHost>
CONF
a2dissite -q 000-default >/dev/null 2>&1 || true
a2ensite -q paperboy-wordpress >/dev/null
if apache2ctl status >/dev/null 2>&1 || pgrep -x apache2 >/dev/null; then
  apache2ctl graceful >/dev/null 2>&1
else
  apache2ctl start
fi
for _ in $(seq 1 100); do php -r "exit(@fsockopen('127.0.0.1', ${port}) ? 0 : 1);" && break; sleep 0.1; done

# WordPress's install, offline: what wp-admin/install.php does, done by wp_install().
php "$here/wp.php" install
echo "WordPress: http://127.0.0.1:${port}/"

/** Web server images: nginx, httpd and the HorizontalPodAutoscaler walkthrough's php-apache. */
import { DEBIAN_PATH, bins, debianBase, text, type ImageDef } from './types';

/** nginx's default welcome page (615 bytes). */
export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

/** The official nginx image (Debian based; STOPSIGNAL SIGQUIT). */
export const NGINX: ImageDef = {
  repository: 'docker.io/library/nginx',
  tags: { latest: 72099501, mainline: 72099501, '1.27': 72099501, '1.27.3': 72099501, '1.27.2': 71026652, stable: 71007823, '1.26': 71007823, '1.26.2': 71007823, '1.25': 70544112, '1.25.5': 70544112, alpine: 20510011, '1.27-alpine': 20510011, '1.26-alpine': 20189376 },
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['nginx', '-g', 'daemon off;'],
  env: { PATH: DEBIAN_PATH, NGINX_VERSION: '1.27.3', NJS_VERSION: '0.8.7', NJS_RELEASE: '1~bookworm', PKG_RELEASE: '1~bookworm', DYNPKG_RELEASE: '1~bookworm' },
  stopSignal: 'SIGQUIT',
  version: '1.27.3',
  versions: { '1.27.2': '1.27.2', stable: '1.26.2', '1.26': '1.26.2', '1.26.2': '1.26.2', '1.25': '1.25.5', '1.25.5': '1.25.5', '1.26-alpine': '1.26.2' },
  files: {
    ...debianBase(),
    '/docker-entrypoint.sh': { content: '', program: 'nginx-entrypoint' },
    '/usr/sbin/nginx': { content: '', program: 'nginx' },
    '/usr/bin/curl': { content: '', program: 'curl' },
    '/etc/nginx/nginx.conf': text('user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\nevents {\n    worker_connections  1024;\n}\n\nhttp {\n    include       /etc/nginx/mime.types;\n    default_type  application/octet-stream;\n\n    log_format  main  \'$remote_addr - $remote_user [$time_local] "$request" \'\n                      \'$status $body_bytes_sent "$http_referer" \'\n                      \'"$http_user_agent" "$http_x_forwarded_for"\';\n\n    access_log  /var/log/nginx/access.log  main;\n\n    sendfile        on;\n    keepalive_timeout  65;\n\n    include /etc/nginx/conf.d/*.conf;\n}\n'),
    '/etc/nginx/conf.d/default.conf': text(NGINX_DEFAULT_CONF),
    '/usr/share/nginx/html/index.html': text(NGINX_WELCOME),
    '/usr/share/nginx/html/50x.html': text('<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n'),
    '/var/log/nginx/access.log': text(''),
    '/var/log/nginx/error.log': text(''),
  },
  usage: { cpuMilli: 1, memoryBytes: 3_200_000 },
};

/** The official httpd image (Apache 2.4; STOPSIGNAL SIGWINCH). */
export const HTTPD: ImageDef = {
  repository: 'docker.io/library/httpd',
  tags: { latest: 58224156, '2.4': 58224156, '2.4.62': 58224156, alpine: 23156312, '2.4-alpine': 23156312 },
  entrypoint: [],
  cmd: ['httpd-foreground'],
  env: { PATH: `/usr/local/apache2/bin:${DEBIAN_PATH}`, HTTPD_PREFIX: '/usr/local/apache2', HTTPD_VERSION: '2.4.62' },
  workingDir: '/usr/local/apache2',
  stopSignal: 'SIGWINCH',
  version: '2.4.62',
  files: {
    ...debianBase(),
    ...bins('/usr/local/apache2/bin', ['httpd-foreground', 'httpd'], 'httpd'),
    '/usr/local/apache2/htdocs/index.html': text('<html><body><h1>It works!</h1></body></html>\n'),
    '/usr/local/apache2/conf/httpd.conf': text('ServerRoot "/usr/local/apache2"\nListen 80\nDocumentRoot "/usr/local/apache2/htdocs"\n'),
  },
  usage: { cpuMilli: 1, memoryBytes: 7_400_000 },
};

/** registry.k8s.io/hpa-example: php-apache whose index.php burns CPU on every request. */
export const HPA_EXAMPLE: ImageDef = {
  repository: 'registry.k8s.io/hpa-example',
  tags: { latest: 137345178 },
  entrypoint: [],
  cmd: ['apache2-foreground'],
  env: { PATH: DEBIAN_PATH, PHP_INI_DIR: '/usr/local/etc/php', APACHE_CONFDIR: '/etc/apache2', PHP_VERSION: '5.6.14' },
  workingDir: '/var/www/html',
  stopSignal: 'SIGWINCH',
  version: '2.4.10',
  files: {
    ...debianBase(),
    '/usr/local/bin/apache2-foreground': { content: '', program: 'php-apache' },
    '/var/www/html/index.php': text('<?php\n  $x = 0.0001;\n  for ($i = 0; $i <= 1000000; $i++) {\n    $x += sqrt($x);\n  }\n  echo "OK!";\n?>\n'),
  },
  usage: { cpuMilli: 1, memoryBytes: 9_800_000 },
};

# Stand-in for the official nginx image where no image registry is reachable (tools/docker/README.md):
# Debian's nginx, started in the foreground with the configuration mounted at /etc/nginx/nginx.conf.
ARG DEBIAN_IMAGE
FROM ${DEBIAN_IMAGE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx \
 && rm -rf /var/lib/apt/lists/*
EXPOSE 80
CMD ["nginx", "-g", "daemon off;"]

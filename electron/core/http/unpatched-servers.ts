// The TLS options of every connection the client opens (its agents, its own connections, the
// context that holds learned issuers): servers that never took up RFC 5746's secure renegotiation
// (old load balancers and appliances, whose ServerHello carries no renegotiation_info) are
// connected to, as Chrome, Firefox and Safari connect to them and as Node did before OpenSSL 3,
// whose default refuses them ("unsafe legacy renegotiation disabled"): their feeds failed here
// and opened in a browser. Only the first handshake is allowed: a renegotiation such a server
// asks for later is still refused (that needs SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION, never set),
// which is where the 2009 prefix-injection attack lives; browsers refuse it too.
import { constants } from 'node:crypto';

export const SECURE_OPTIONS = constants.SSL_OP_LEGACY_SERVER_CONNECT;

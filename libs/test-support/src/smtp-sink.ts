import { AddressInfo, createServer, Server, Socket } from 'node:net';

export interface SinkMail {
  from: string;
  to: string[];
  data: string;
  /** user and password of AUTH PLAIN/LOGIN, when the client authenticated. */
  auth: { user: string; password: string } | null;
}

/**
 * A tiny SMTP server for tests (plain text, AUTH PLAIN and LOGIN, no TLS): it
 * accepts every mail except to recipients containing "refuse" (550), and keeps
 * what it received. Not a mock of our code: the app talks SMTP to it over TCP.
 */
export class SmtpSink {
  readonly mails: SinkMail[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((socket) => this.session(socket));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private session(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    let inData = false;
    let data = '';
    let auth: SinkMail['auth'] = null;
    let loginStep: 'user' | 'password' | null = null;
    let loginUser = '';
    let mail: { from: string; to: string[] } = { from: '', to: [] };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 sink.test ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            this.mails.push({ ...mail, data, auth });
            mail = { from: '', to: [] };
            data = '';
            reply('250 2.0.0 queued');
          } else {
            data += `${line.startsWith('..') ? line.slice(1) : line}\r\n`;
          }
          continue;
        }
        if (loginStep === 'user') {
          loginUser = Buffer.from(line, 'base64').toString('utf8');
          loginStep = 'password';
          reply('334 UGFzc3dvcmQ6');
          continue;
        }
        if (loginStep === 'password') {
          auth = { user: loginUser, password: Buffer.from(line, 'base64').toString('utf8') };
          loginStep = null;
          reply('235 2.7.0 ok');
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') {
          reply('250-sink.test');
          reply('250-AUTH PLAIN LOGIN');
          reply('250 8BITMIME');
        } else if (verb === 'HELO') reply('250 sink.test');
        else if (verb === 'AUTH') {
          const [, mech, initial] = line.split(' ');
          if (mech?.toUpperCase() === 'PLAIN' && initial) {
            const [, user, password] = Buffer.from(initial, 'base64').toString('utf8').split('\0');
            auth = { user: user ?? '', password: password ?? '' };
            reply('235 2.7.0 ok');
          } else if (mech?.toUpperCase() === 'LOGIN') {
            loginStep = 'user';
            reply('334 VXNlcm5hbWU6');
          } else reply('504 unsupported');
        } else if (verb === 'MAIL') {
          mail.from = /<(.*)>/.exec(line)?.[1] ?? '';
          reply('250 2.1.0 ok');
        } else if (verb === 'RCPT') {
          const to = /<(.*)>/.exec(line)?.[1] ?? '';
          if (to.includes('refuse')) reply('550 5.1.1 mailbox unavailable');
          else {
            mail.to.push(to);
            reply('250 2.1.5 ok');
          }
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 go ahead');
        } else if (verb === 'RSET') {
          mail = { from: '', to: [] };
          reply('250 ok');
        } else if (verb === 'NOOP') reply('250 ok');
        else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('502 unknown');
      }
    });
  }
}

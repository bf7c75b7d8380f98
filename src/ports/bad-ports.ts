import { PortSet } from './port-set.ts';

/**
 * The Fetch standard's "bad ports" (https://fetch.spec.whatwg.org/#port-blocking, with
 * 4190 and 6679 added in 2024, whatwg/fetch#1663): browsers and Node's fetch refuse to
 * connect to them (Chromium: ERR_UNSAFE_PORT), so a test server handed one of them fails
 * in every browser test. None lies in Linux's default ephemeral range (32768-60999), but a
 * `range`, a custom ephemeral range or a preferred list can hold some.
 */
export const BAD_PORTS: readonly number[] = [
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117,
  119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636,
  989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
];

/** The bad ports as a set: never drawn, never handed out unless named one by one as preferred. */
export const BAD_PORT_SET: PortSet = PortSet.of(BAD_PORTS);

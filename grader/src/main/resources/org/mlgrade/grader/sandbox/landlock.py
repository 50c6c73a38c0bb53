# Restricts this process with Linux Landlock, then executes the rest of the command line in it.
#
#   python3 -I -S -c "$(cat landlock.py)" --abi
#       prints the kernel's Landlock ABI version (0 when the kernel has none) and exits 0
#   python3 -I -S -c "$(cat landlock.py)" [--ro PATH]... [--rw PATH]... -- COMMAND [ARG]...
#       executes COMMAND able to read (and execute) only beneath the --ro and --rw paths and to
#       write only beneath the --rw paths; with ABI 4 or later it may neither bind nor connect a
#       TCP socket; with ABI 6 or later it may neither signal nor reach through an abstract Unix
#       socket any process outside its own domain. Exit status 97 (with a line on stderr) when
#       the restriction cannot be made: the command is then never run unrestricted.
#
# Only the standard library (ctypes) is used, so that any python3 serves; the constants are those
# of <linux/landlock.h>.
import ctypes
import os
import struct
import sys

CREATE_RULESET, ADD_RULE, RESTRICT_SELF = 444, 445, 446  # the same number on every architecture
CREATE_RULESET_VERSION = 1
RULE_PATH_BENEATH = 1
PR_SET_NO_NEW_PRIVS = 38

EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
REMOVE_DIR, REMOVE_FILE, MAKE_CHAR, MAKE_DIR = 1 << 4, 1 << 5, 1 << 6, 1 << 7
MAKE_REG, MAKE_SOCK, MAKE_FIFO, MAKE_BLOCK, MAKE_SYM = 1 << 8, 1 << 9, 1 << 10, 1 << 11, 1 << 12
REFER, TRUNCATE, IOCTL_DEV = 1 << 13, 1 << 14, 1 << 15
FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | TRUNCATE | IOCTL_DEV  # those a file rule may hold

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long


def fail(message):
    sys.stderr.write("landlock: " + message + "\n")
    sys.exit(97)


def error():
    return os.strerror(ctypes.get_errno())


def abi():
    version = libc.syscall(CREATE_RULESET, None, ctypes.c_size_t(0), CREATE_RULESET_VERSION)
    return max(0, version)


def restrict(read_only, read_write, version):
    handled = (1 << 13) - 1  # ABI 1: EXECUTE .. MAKE_SYM
    write = (WRITE_FILE | REMOVE_DIR | REMOVE_FILE | MAKE_DIR | MAKE_REG | MAKE_SOCK | MAKE_FIFO
             | MAKE_SYM)
    if version >= 2:
        handled |= REFER
        write |= REFER
    if version >= 3:
        handled |= TRUNCATE
        write |= TRUNCATE
    if version >= 5:
        handled |= IOCTL_DEV
    net = 3 if version >= 4 else 0     # BIND_TCP | CONNECT_TCP, no port allowed
    scoped = 3 if version >= 6 else 0  # ABSTRACT_UNIX_SOCKET | SIGNAL
    size = 8 if version < 4 else 16 if version < 6 else 24
    attr = ctypes.create_string_buffer(struct.pack("=QQQ", handled, net, scoped)[:size], size)
    ruleset = libc.syscall(CREATE_RULESET, attr, ctypes.c_size_t(size), 0)
    if ruleset < 0:
        fail("cannot create a ruleset: " + error())
    rules = [(p, EXECUTE | READ_FILE | READ_DIR) for p in read_only]
    rules += [(p, EXECUTE | READ_FILE | READ_DIR | write) for p in read_write]
    for path, access in rules:
        try:
            fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
        except OSError:
            continue  # what does not exist cannot be reached through this rule either
        if not os.path.isdir(path):
            access &= FILE_RIGHTS
        rule = ctypes.create_string_buffer(struct.pack("=Qi", access & handled, fd), 12)
        if libc.syscall(ADD_RULE, ruleset, RULE_PATH_BENEATH, rule, 0) < 0:
            fail("cannot allow " + path + ": " + error())
        os.close(fd)
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        fail("cannot set no_new_privs: " + error())
    if libc.syscall(RESTRICT_SELF, ruleset, 0) < 0:
        fail("cannot restrict itself: " + error())
    os.close(ruleset)


def main(argv):
    if argv == ["--abi"]:
        print(abi())
        return
    read_only, read_write, i = [], [], 0
    while i < len(argv) and argv[i] != "--":
        if argv[i] in ("--ro", "--rw") and i + 1 < len(argv):
            (read_only if argv[i] == "--ro" else read_write).append(argv[i + 1])
            i += 2
        else:
            fail("unknown argument " + argv[i])
    command = argv[i + 1:]
    if not command:
        fail("no command to run")
    version = abi()
    if version < 1:
        fail("this kernel does not offer Landlock")
    restrict(read_only, read_write, version)
    try:
        os.execv(command[0], command)
    except OSError as e:
        fail("cannot execute " + command[0] + ": " + e.strerror)


main(sys.argv[1:])

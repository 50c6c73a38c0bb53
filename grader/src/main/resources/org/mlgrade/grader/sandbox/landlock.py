# Restricts this process with Linux Landlock (and, where it can, a seccomp filter), then executes
# the rest of the command line in it.
#
#   python3 -I -S -c "$(cat landlock.py)" --abi
#       prints the kernel's Landlock ABI version (0 when the kernel has none), then "seccomp" when
#       a seccomp filter can be installed here (tried in a throwaway child), and exits 0
#   python3 -I -S -c "$(cat landlock.py)" [--seccomp] [--ro PATH]... [--rw PATH]... -- COMMAND [ARG]...
#       executes COMMAND able to read (and execute) only beneath the --ro and --rw paths and to
#       write only beneath the --rw paths; with ABI 4 or later it may neither bind nor connect a
#       TCP socket; with ABI 6 or later it may neither signal nor reach through an abstract Unix
#       socket any process outside its own domain. With --seccomp (x86-64 only) it may create no
#       IPv4 or IPv6 socket at all (UDP included) and none of the system calls a grading child
#       never needs and an attack would (ptrace, bpf, perf_event_open, userfaultfd, keyrings,
#       mount, namespaces, kexec, cross-process memory access): they fail with EPERM. Exit status
#       97 (with a line on stderr) when a restriction cannot be made: the command is then never
#       run unrestricted.
#
# Only the standard library (ctypes) is used, so that any python3 serves; the constants are those
# of <linux/landlock.h>, <linux/seccomp.h>, <linux/filter.h> and x86-64's <asm/unistd_64.h>.
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


# seccomp: a classic BPF program over struct seccomp_data {int nr; u32 arch; u64 ip; u64 args[6]}.
PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 22, 2
AUDIT_ARCH_X86_64 = 0xC000003E
SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO, EPERM = 0x7FFF0000, 0x00050000, 1
BPF_LD_W_ABS, BPF_JEQ_K, BPF_JGE_K, BPF_RET_K = 0x20, 0x15, 0x35, 0x06
X32_SYSCALL_BIT = 0x40000000
SYS_SOCKET = 41
AF_INET, AF_INET6 = 2, 10
DENIED = [101,  # ptrace
          321,  # bpf
          298,  # perf_event_open
          323,  # userfaultfd
          248, 249, 250,  # add_key, request_key, keyctl
          165, 166,  # mount, umount2
          272, 308,  # unshare, setns
          246, 320,  # kexec_load, kexec_file_load
          310, 311,  # process_vm_readv, process_vm_writev
          ]


def seccomp_program():
    deny = (BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | EPERM)
    allow = (BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW)
    # The 32-bit (int 0x80) and x32 system calls have other numbers, which would dodge the list
    # below: they are denied whole.
    code = [(BPF_LD_W_ABS, 0, 0, 4),  # arch
            (BPF_JEQ_K, 1, 0, AUDIT_ARCH_X86_64), deny,
            (BPF_LD_W_ABS, 0, 0, 0),  # nr
            (BPF_JGE_K, 0, 1, X32_SYSCALL_BIT), deny]
    for nr in DENIED:
        code += [(BPF_JEQ_K, 0, 1, nr), deny]
    code += [(BPF_JEQ_K, 1, 0, SYS_SOCKET), allow,
             (BPF_LD_W_ABS, 0, 0, 16),  # args[0], low half: the address family
             (BPF_JEQ_K, 1, 0, AF_INET), (BPF_JEQ_K, 0, 1, AF_INET6), deny, allow]
    return code


def install_seccomp():
    code = seccomp_program()
    filters = b"".join(struct.pack("=HBBI", *op) for op in code)
    buf = ctypes.create_string_buffer(filters, len(filters))
    prog = ctypes.create_string_buffer(struct.pack("@HP", len(code), ctypes.addressof(buf)))
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return "cannot set no_new_privs: " + error()
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, prog, 0, 0) != 0:
        return "cannot install a seccomp filter: " + error()
    return None


def seccomp_works():
    if os.uname().machine != "x86_64":
        return False
    pid = os.fork()
    if pid == 0:
        try:
            failed = install_seccomp()
            if failed is None:
                try:
                    import socket
                    socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                    failed = "a UDP socket was still allowed"
                except OSError:
                    pass
        except BaseException:
            failed = "error"
        os._exit(0 if failed is None else 1)
    return os.waitpid(pid, 0)[1] == 0


def main(argv):
    if argv == ["--abi"]:
        print(abi(), "seccomp" if seccomp_works() else "-")
        return
    seccomp = argv[:1] == ["--seccomp"]
    if seccomp:
        argv = argv[1:]
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
    if seccomp:
        failed = install_seccomp()
        if failed:
            fail(failed)
    try:
        os.execv(command[0], command)
    except OSError as e:
        fail("cannot execute " + command[0] + ": " + e.strerror)


main(sys.argv[1:])

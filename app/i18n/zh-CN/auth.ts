import type en from "../en/auth";
import type { Translation } from "../translation";

export default {
  login: {
    title: "登录 Tandem",
    intro: "你与 {{vendor}} 的客户成功门户。",
    linkHeading: "通过邮件获取登录链接",
    linkHelp: "无需密码：我们会向你发送一封含登录链接的邮件。链接仅可使用一次，{{minutes, number}} 分钟内有效。",
    sendLink: "发送登录链接",
    linkSent: "如果存在 {{email}} 的账号，登录链接已发出，请查收邮件。",
    or: "或",
    passwordHeading: "使用密码登录",
    email: "工作邮箱",
    password: "密码",
    submit: "登录",
    forgot: "忘记密码？",
    errors: {
      invalid_credentials: "邮箱与密码不匹配。请重试，或通过邮件链接登录。",
      rate_limited: "登录尝试次数过多。请等待 {{minutes, number}} 分钟，或通过邮件链接登录。",
    },
  },
  link: {
    title: "登录",
    confirm: "以 {{email}} 继续",
    help: "点击即可在此设备上完成登录。",
    invalidTitle: "此登录链接无法使用",
    invalidBody: "链接已过期或已被使用。登录链接仅可使用一次，{{minutes, number}} 分钟内有效。",
    requestNew: "重新获取链接",
  },
  forgot: {
    title: "重置密码",
    help: "输入你的工作邮箱，我们会发送一个设置新密码的链接。",
    submit: "发送重置链接",
    sent: "如果存在 {{email}} 的账号，重置链接已发出。链接仅可使用一次，{{minutes, number}} 分钟内有效。",
    backToLogin: "返回登录",
  },
  reset: {
    title: "设置新密码",
    newPassword: "新密码",
    help: "至少 10 个字符。其他设备上的登录将全部退出。",
    submit: "保存密码并登录",
    invalidTitle: "此重置链接无法使用",
    invalidBody: "链接已过期或已被使用，请重新获取。",
    requestNew: "重新获取链接",
  },
  invitation: {
    title: "加入 Tandem 上的 {{where}}",
    vendorTeam: "服务商团队",
    intro: "{{inviter}} 邀请 {{email}} 以{{role}}身份加入。设置姓名和密码即可开始使用。",
    name: "你的姓名",
    password: "设置密码",
    passwordHelp: "至少 10 个字符。",
    submit: "加入并登录",
    invalidTitle: "此邀请无法使用",
    invalidBody: "邀请已过期、已撤回或已被接受。请联系邀请你的人重新发送。",
    errors: { email_taken: "该邮箱已有账号，请直接登录。" },
    goToLogin: "前往登录",
  },
  signOut: {
    done: "你已退出登录。",
    everywhereDone: "你已在所有设备上退出登录。",
  },
} satisfies Translation<typeof en>;

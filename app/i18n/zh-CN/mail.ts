import type en from "../en/mail";
import type { Translation } from "../translation";

export default {
  playbook: {
    reminder: {
      subject: "提醒：{{reason}}",
      body: "{{name}}，您好：\n\n关于 {{account}} 的提醒：{{reason}}。\n\n点此打开：\n{{link}}",
    },
    champion: {
      subject: "您在 {{account}} 的成功计划需要您处理",
      body: "{{name}}，您好：\n\n您的成功计划中有事项正在等待：{{reason}}。\n\n点此查看：\n{{link}}",
    },
  },
  html: {
    footer: "此邮件由 {{vendor}} 通过其客户成功门户发送。",
    unsubscribe: "设置接收哪些邮件",
    unsubscribeOneClick: "退订此类邮件",
  },
  unsubscribe: {
    textLine: "不想再通过邮件接收{{kind}}？一键退订：\n{{link}}",
    kinds: {
      reminders: "提醒",
      champion: "成功计划动态",
      community: "社区通知",
      digest: "每周摘要",
      task_assigned: "任务分配通知",
      task_comment: "任务评论通知",
      signoff_waiting: "里程碑待签核通知",
      ask_waiting: "请求通知",
      case_study_review: "案例研究审阅通知",
    },
  },
  inbox: {
    body: "{{name}}，你好：\n\n{{text}}\n\n打开查看：{{link}}",
  },
  digest: {
    subject: "你在 {{account}} 的本周摘要",
    greeting: "{{name}}，你好：\n\n以下是你本周在 {{account}} 成功计划中的情况。",
    due: "{{date}} 到期",
    tasks: {
      heading_other: "你有 {{count, number}} 项未完成的任务。",
      overdue: "已逾期：",
      week: "未来 7 天内到期：",
      nothingDue: "未来 7 天内没有你的任务到期。",
    },
    plan: {
      progress: "计划“{{plan}}”已完成 {{percent}}。",
      next: "下一个里程碑：“{{title}}”，目标日期 {{date}}。",
      allAchieved: "所有里程碑均已达成。",
    },
    training: { heading: "分配给你的培训：" },
    asks: {
      heading_other: "有 {{count, number}} 项请求等待你答复：",
    },
    lines: { heading: "本周还有这些与你相关：" },
  },
  magicLink: {
    subject: "你的 Tandem 登录链接",
    body: "你好：\n\n请使用以下链接登录 Tandem。链接仅可使用一次，{{minutes, number}} 分钟后失效：\n\n{{link}}\n\n如果这不是你本人的操作，请忽略此邮件。",
  },
  passwordReset: {
    subject: "重置你的 Tandem 密码",
    body: "你好：\n\n请使用以下链接设置新密码。链接仅可使用一次，{{minutes, number}} 分钟后失效：\n\n{{link}}\n\n如果这不是你本人的操作，请忽略此邮件，你的密码不会改变。",
  },
  invitation: {
    vendorTeam: "服务商团队",
    subject: "邀请你加入 Tandem 上的 {{where}}",
    body: "你好：\n\n{{inviter}} 邀请你加入 Tandem 上的 {{where}}。Tandem 是我们的客户成功门户。\n\n请通过以下链接设置姓名和密码（链接 {{days, number}} 天后失效）：\n\n{{link}}\n",
  },
  community: {
    reply: {
      subject: "“{{title}}”有新回复",
      body: "你好：\n\n{{who}} 回复了你在社区中关注的话题“{{title}}”：\n\n{{link}}\n\n你可以在社区资料中设置接收哪些邮件。",
    },
    accepted: {
      subject: "你的回答已被采纳：“{{title}}”",
      body: "你好：\n\n{{who}} 采纳了你在“{{title}}”中的回答。感谢你的帮助！\n\n{{link}}\n\n你可以在社区资料中设置接收哪些邮件。",
    },
    mention: {
      subject: "{{who}} 在“{{title}}”中提到了你",
      body: "你好：\n\n{{who}} 在“{{title}}”中提到了你：\n\n{{link}}\n\n你可以在社区资料中设置接收哪些邮件。",
    },
  },
  caseStudyComment: {
    subject: "案例研究“{{title}}”有新评论",
    body: "你好：\n\n{{who}} 评论了案例研究“{{title}}”第 {{version, number}} 版：\n\n{{excerpt}}\n\n请在此查看并回复：\n\n{{link}}\n",
  },
} satisfies Translation<typeof en>;

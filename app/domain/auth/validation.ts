import { z } from "zod";

export const EmailSchema = z
  .string({ required_error: "email.required" })
  .trim()
  .min(1, "email.required")
  .max(254, "email.tooLong")
  .email("email.invalid")
  .transform((email) => email.toLowerCase());

export const NewPasswordSchema = z
  .string({ required_error: "password.required" })
  .min(10, "password.tooShort")
  .max(200, "password.tooLong");

export const PersonNameSchema = z
  .string({ required_error: "name.required" })
  .trim()
  .min(1, "name.required")
  .max(120, "name.tooLong");

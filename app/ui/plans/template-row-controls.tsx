import { useTranslation } from "react-i18next";
import { Button } from "~/ui/button";

/** Move up / move down / remove for one row of the template editor, named after the row. */
export function RowControls({
  name,
  index,
  count,
  onMove,
  onRemove,
}: {
  name: string;
  index: number;
  count: number;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation("templates");
  return (
    <div className="mt-3 flex flex-wrap justify-end gap-2">
      <Button
        type="button"
        variant="ghost"
        className="py-1"
        disabled={index === 0}
        aria-label={t("editor.moveUpNamed", { name })}
        onClick={() => onMove(-1)}
      >
        {t("editor.moveUp")}
      </Button>
      <Button
        type="button"
        variant="ghost"
        className="py-1"
        disabled={index === count - 1}
        aria-label={t("editor.moveDownNamed", { name })}
        onClick={() => onMove(1)}
      >
        {t("editor.moveDown")}
      </Button>
      <Button
        type="button"
        variant="danger"
        className="py-1"
        aria-label={t("editor.removeNamed", { name })}
        onClick={onRemove}
      >
        {t("editor.remove")}
      </Button>
    </div>
  );
}
